import { describe, expect, it } from 'vitest';
import { backendOrder, isSoftwareRenderer } from './backend';

describe('isSoftwareRenderer', () => {
  it('recognises the software rasterisers seen in headless and VM browsers', () => {
    // Strings as Chromium reports them (UNMASKED_RENDERER_WEBGL) on this machine and typical Linux VMs.
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Microsoft Basic Render Driver')).toBe(true);
  });
  it('accepts real GPUs', () => {
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).toBe(false);
    expect(isSoftwareRenderer('Apple M1')).toBe(false);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
  });
});

describe('backendOrder', () => {
  it('prefers WebGL only on a real GPU', () => {
    expect(backendOrder('auto', true)).toEqual(['webgl', 'wasm', 'cpu']);
    expect(backendOrder('auto', false)).toEqual(['wasm', 'cpu']);
  });
  it('puts an explicit choice first and keeps the others as fallbacks', () => {
    expect(backendOrder('wasm', true)).toEqual(['wasm', 'webgl', 'cpu']);
    expect(backendOrder('cpu', false)).toEqual(['cpu', 'webgl', 'wasm']);
  });
});
