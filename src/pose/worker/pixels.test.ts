import { describe, expect, it } from 'vitest';
import { rgbaToRgb } from './pixels';

describe('rgbaToRgb', () => {
  it('keeps red, green and blue of each pixel in order and drops alpha', () => {
    const rgba = new Uint8Array([255, 0, 1, 9, 10, 20, 30, 0, 7, 8, 9, 255]);
    expect([...rgbaToRgb(rgba, 3, 1)]).toEqual([255, 0, 1, 10, 20, 30, 7, 8, 9]);
    expect([...rgbaToRgb(rgba, 1, 3)]).toEqual([255, 0, 1, 10, 20, 30, 7, 8, 9]);
  });

  it('a 640×360 frame: every value lands where tfjs fromPixels would put it', () => {
    const w = 640;
    const h = 360;
    const rgba = new Uint8Array(w * h * 4).map((_, i) => (i * 31 + (i >> 10)) & 255);
    const out = rgbaToRgb(rgba, w, h);
    expect(out).toHaveLength(w * h * 3);
    for (const p of [0, 1, w, w * h - 1, 12345]) {
      for (let c = 0; c < 3; c++) expect(out[p * 3 + c]).toBe(rgba[p * 4 + c]);
    }
  });

  it('refuses a buffer too short for the size', () => {
    expect(() => rgbaToRgb(new Uint8Array(11), 3, 1)).toThrow(/fewer than 3×1/);
  });
});
