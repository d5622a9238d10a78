// How bright a picture is, as PoseFrame.light carries it to the engine (DARK_LIGHT, set-up issue 'too-dark').
// Pure, so the live camera (src/app/frameLoop.ts, RGBA from a 16×9 canvas copy) and the Node video path
// (scripts/lib/recorder.ts, RGB frames from ffmpeg) measure it the same way.

/** Rec. 601 luma of one 8-bit pixel, 0..255. */
const luma = (r: number, g: number, b: number): number => 0.299 * r + 0.587 * g + 0.114 * b;

/**
 * Mean brightness of packed 8-bit pixels, 0 (black) to 1 (white): the mean Rec. 601 luma
 * (0.299 R + 0.587 G + 0.114 B) over every pixel. `channels` is 4 for RGBA (alpha ignored, as a canvas's
 * getImageData gives it) or 3 for RGB (as ffmpeg's rgb24 gives it). Undefined when there is no whole pixel.
 */
export function meanLuma(px: ArrayLike<number>, channels: 3 | 4): number | undefined {
  const n = Math.floor(px.length / channels);
  if (n === 0) return undefined;
  let sum = 0;
  const end = n * channels;
  for (let i = 0; i < end; i += channels) sum += luma(px[i] as number, px[i + 1] as number, px[i + 2] as number);
  return sum / n / 255;
}

/**
 * meanLuma over a full-size frame, read on a grid: every `step`-th pixel of every `step`-th row, starting
 * at the middle of the first step×step cell (as a small copy of the picture samples it). Step 4 reads 1/16
 * of the pixels; on the shared clips (640 px frames) it stays within 0.007 of the full mean, far finer than
 * the engine's DARK_LIGHT needs. Step 1 reads every pixel. Undefined for an empty frame or a buffer shorter
 * than width × height × channels.
 */
export function frameLight(px: ArrayLike<number>, width: number, height: number, channels: 3 | 4, step = 1): number | undefined {
  const w = Math.floor(width),
    h = Math.floor(height),
    s = Math.max(1, Math.floor(step));
  if (!(w > 0 && h > 0) || px.length < w * h * channels) return undefined;
  const off = (s - 1) >> 1;
  let sum = 0,
    n = 0;
  for (let y = Math.min(off, h - 1); y < h; y += s) {
    const row = y * w * channels;
    for (let x = Math.min(off, w - 1); x < w; x += s) {
      const i = row + x * channels;
      sum += luma(px[i] as number, px[i + 1] as number, px[i + 2] as number);
      n++;
    }
  }
  return sum / n / 255;
}
