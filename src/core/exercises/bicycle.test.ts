// Bicycle crunch on the real clips: 09 (from the feet end, front-oblique) and b09 (side view, with leg
// close-ups between two wide shots).
import { describe, expect, it } from 'vitest';
import { faster, replayClip, replayFrames } from '../testing/exerciseReplay';
import { loadClip } from '../testing/replay';

const alternates = (sides: (string | null)[]) => sides.every((s, i) => i === 0 || s !== sides[i - 1]);

describe('bicycle on recorded clips', () => {
  it('09: touches counted from the feet end, sides alternating, within the catalog\'s ±1 of 8', async (ctx) => {
    const r = await replayClip('09_bicycle_crunch_klarfit', 'bicycle');
    if (!r) { ctx.skip(); return; }
    expect(r.reps.length).toBeGreaterThanOrEqual(7);
    expect(r.reps.length).toBeLessThanOrEqual(9);
    expect(alternates(r.reps.map((x) => x.side))).toBe(true);
    // Side B (near knee in) at ≈1.2, 3.9, 6.6, 9.0 s: each within 0.6 s of a counted touch.
    for (const t of [3.9, 6.6, 9.0]) expect(r.reps.some((x) => Math.abs(x.tSec - t) < 0.6), `touch near ${t} s`).toBe(true);
    expect(r.summary.faults.filter((f) => f.endSec - f.startSec > 1)).toEqual([]);
  });

  it('b09: the ten certain touches of the wide side shots are all counted, alternating', async (ctx) => {
    const r = await replayClip('b09_bicycle_crunch_side_slayercampo', 'bicycle');
    if (!r) { ctx.skip(); return; }
    expect(alternates(r.reps.map((x) => x.side))).toBe(true);
    const wide = r.reps.filter((x) => x.tSec < 7.28 || x.tSec >= 12.44);
    // Catalog: A 0–0.9 (already in at the start), B 1.5–2.6, A 3.1–4.2, B 5.0–6.2, A 6.8–7.28 | A 12.44–12.84,
    // B 13.44–14.64, A 15.24–16.64, B 17.24–18.64, A 19.24–20.0. The first (at 0 s) is not seen arriving.
    expect(wide.length).toBeGreaterThanOrEqual(8);
    expect(wide.length).toBeLessThanOrEqual(10);
    expect(r.summary.reps.total).toBeGreaterThanOrEqual(10);
    expect(r.summary.reps.total).toBeLessThanOrEqual(13);
  });

  it('a rushed start (b09 played 3× faster) is told to start slowly', async (ctx) => {
    const frames = await loadClip('b09_bicycle_crunch_side_slayercampo');
    if (!frames) { ctx.skip(); return; }
    const slow = replayFrames('bicycle', frames);
    expect(slow.faultStarts.some((f) => f.id === 'too-fast')).toBe(false);
    const rushed = replayFrames('bicycle', faster(frames, 3));
    expect(rushed.faultStarts.some((f) => f.id === 'too-fast')).toBe(true);
  });
});
