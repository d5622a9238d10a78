// The brightness measure shared by the live camera loop and the Node video path, on pictures whose
// brightness is known because they are painted here.
import { describe, expect, it } from 'vitest';
import { DARK_LIGHT } from './engine';
import { frameLight, meanLuma } from './light';

/** A width × height picture, every pixel from `paint(x, y)` → [r, g, b]; RGBA gets alpha `a`. */
function picture(
  width: number,
  height: number,
  channels: 3 | 4,
  paint: (x: number, y: number) => [number, number, number],
  a = 255,
): Uint8ClampedArray {
  const px = new Uint8ClampedArray(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const [r, g, b] = paint(x, y);
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
      if (channels === 4) px[i + 3] = a;
    }
  }
  return px;
}

/** A small deterministic pseudo-random generator, so "random" pictures are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('meanLuma', () => {
  it('black is 0, white is 1, the primaries weigh as Rec. 601 says', () => {
    expect(
      meanLuma(
        picture(16, 9, 4, () => [0, 0, 0]),
        4,
      ),
    ).toBe(0);
    expect(
      meanLuma(
        picture(16, 9, 4, () => [255, 255, 255]),
        4,
      ),
    ).toBeCloseTo(1, 12);
    expect(
      meanLuma(
        picture(16, 9, 3, () => [255, 0, 0]),
        3,
      ),
    ).toBeCloseTo(0.299, 12);
    expect(
      meanLuma(
        picture(16, 9, 3, () => [0, 255, 0]),
        3,
      ),
    ).toBeCloseTo(0.587, 12);
    expect(
      meanLuma(
        picture(16, 9, 3, () => [0, 0, 255]),
        3,
      ),
    ).toBeCloseTo(0.114, 12);
  });

  it('is the mean over pixels: half black, half white is 0.5', () => {
    const half = picture(16, 9, 3, (x) => (x < 8 ? [0, 0, 0] : [255, 255, 255]));
    expect(meanLuma(half, 3)).toBeCloseTo(0.5, 12);
  });

  it('RGBA ignores alpha and gives what RGB gives for the same picture', () => {
    const r = rng(1);
    const cols = Array.from({ length: 16 * 9 }, () => [r() * 256, r() * 256, r() * 256].map(Math.floor) as [number, number, number]);
    const paint = (x: number, y: number) => cols[y * 16 + x]!;
    const rgb = meanLuma(picture(16, 9, 3, paint), 3)!;
    expect(meanLuma(picture(16, 9, 4, paint, 255), 4)).toBe(rgb);
    expect(meanLuma(picture(16, 9, 4, paint, 0), 4)).toBe(rgb);
    expect(rgb).toBeGreaterThan(0.3);
    expect(rgb).toBeLessThan(0.7);
  });

  it('gives exactly what the camera loop computed before it was shared (16×9 RGBA canvas data)', () => {
    // The loop formerly inlined in src/app/frameLoop.ts, kept here to prove the move changed nothing.
    const before = (d: Uint8ClampedArray): number => {
      let sum = 0;
      for (let i = 0; i < d.length; i += 4) sum += 0.299 * (d[i] as number) + 0.587 * (d[i + 1] as number) + 0.114 * (d[i + 2] as number);
      return sum / (d.length / 4) / 255;
    };
    const r = rng(7);
    for (let k = 0; k < 50; k++) {
      const d = new Uint8ClampedArray(16 * 9 * 4);
      const scale = r() * 256;
      for (let i = 0; i < d.length; i++) d[i] = Math.floor(r() * scale);
      expect(meanLuma(d, 4)).toBe(before(d));
    }
  });

  it('is undefined without a whole pixel; a trailing partial pixel is not read', () => {
    expect(meanLuma(new Uint8Array(0), 3)).toBeUndefined();
    expect(meanLuma(new Uint8Array([255, 255]), 3)).toBeUndefined();
    expect(meanLuma(new Uint8Array([255, 255, 255, 0, 0]), 3)).toBeCloseTo(1, 12);
  });

  it('a dim room is above DARK_LIGHT, a near-black one below', () => {
    // RGB 40 is a dim room (≈0.16, the darkest shared clip is ≈0.16); 10 is a room with the light off.
    expect(
      meanLuma(
        picture(16, 9, 3, () => [40, 40, 40]),
        3,
      )!,
    ).toBeGreaterThan(DARK_LIGHT);
    expect(
      meanLuma(
        picture(16, 9, 3, () => [10, 10, 10]),
        3,
      )!,
    ).toBeLessThan(DARK_LIGHT);
  });
});

describe('frameLight', () => {
  it('step 1 is meanLuma of the whole frame', () => {
    const r = rng(3);
    const px = picture(64, 36, 3, () => [r() * 256, r() * 256, r() * 256].map(Math.floor) as [number, number, number]);
    expect(frameLight(px, 64, 36, 3, 1)).toBeCloseTo(meanLuma(px, 3)!, 12);
    expect(
      frameLight(
        picture(64, 36, 4, () => [10, 200, 30]),
        64,
        36,
        4,
        1,
      ),
    ).toBeCloseTo(
      meanLuma(
        picture(64, 36, 4, () => [10, 200, 30]),
        4,
      )!,
      12,
    );
  });

  it('a uniform frame gives its colour at any step, frame size or sampling offset', () => {
    const grey = picture(50, 31, 3, () => [128, 128, 128]);
    for (const step of [1, 2, 3, 4, 7, 100]) expect(frameLight(grey, 50, 31, 3, step)).toBeCloseTo(128 / 255, 12);
  });

  it('step 4 on a smooth picture (a lit scene) stays within 0.01 of the full mean', () => {
    // A vignetted gradient, like a room lit from one side.
    const paint = (x: number, y: number): [number, number, number] => {
      const v = 30 + 180 * (x / 639) * (1 - (0.5 * Math.abs(y - 180)) / 180);
      return [Math.round(v * 1.1) & 255, Math.round(v), Math.round(v * 0.8)];
    };
    const px = picture(640, 360, 3, paint);
    expect(Math.abs(frameLight(px, 640, 360, 3, 4)! - meanLuma(px, 3)!)).toBeLessThan(0.01);
  });

  it('reads the middle of each cell: a frame lit only on its sampled grid is not mistaken for black', () => {
    // Every 4th pixel from offset 1 (the middle of a 4×4 cell) white, the rest black: step 4 sees white.
    const px = picture(16, 16, 3, (x, y) => (x % 4 === 1 && y % 4 === 1 ? [255, 255, 255] : [0, 0, 0]));
    expect(frameLight(px, 16, 16, 3, 4)).toBeCloseTo(1, 12);
    expect(frameLight(px, 16, 16, 3, 1)).toBeCloseTo(1 / 16, 12);
  });

  it('is undefined for an empty frame or a buffer too short for its size', () => {
    expect(frameLight(new Uint8Array(0), 0, 0, 3, 4)).toBeUndefined();
    expect(frameLight(new Uint8Array(10 * 10 * 3 - 1), 10, 10, 3, 4)).toBeUndefined();
    expect(frameLight(new Uint8Array(10 * 10 * 3), 10, 10, 3, 4)).toBe(0);
  });
});
