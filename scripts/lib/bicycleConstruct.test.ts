// The committed constructed bicycles are exactly what the seeded generator makes (so the README's account of how
// they were made is true), each labelled as constructed, and they are what they claim: the legs the recorded ones,
// the trunk and arms still.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAllBicycle, serialise } from './bicycleConstruct';
import { constructedDir } from './engineConstruct';
import { fixturesDir } from './engineRun';
import { parseFixture } from '../../src/core/fixture';

describe('constructed bicycles without contact', () => {
  const built = buildAllBicycle();

  it.each(built.map((b) => [b.name, b] as const))('%s: committed files match the generator byte for byte', (_n, b) => {
    const fx = readFileSync(join(constructedDir, `${b.name}.keypoints.json`), 'utf8');
    const ex = readFileSync(join(constructedDir, `${b.name}.expected.json`), 'utf8');
    expect(fx === serialise(b.fixture), `${b.name}.keypoints.json is stale: npx tsx scripts/lib/bicycleConstruct.ts`).toBe(true);
    expect(ex).toBe(JSON.stringify(b.expected, null, 2) + '\n');
    expect(b.fixture.source).toMatch(/^constructed:/);
    expect(b.fixture.model).toMatch(/constructed/);
    expect(b.fixture.construction).toMatch(/^CONSTRUCTED/);
    expect(String(b.expected.notes)).toMatch(/^CONSTRUCTED/);
  });

  it('keeps the recorded knees frame by frame and holds the shoulders and elbows still', () => {
    const b = built.find((x) => x.name === 'bicycle-no-contact_silhouette.movenet-thunder');
    if (!b) throw new Error('not built');
    const base = parseFixture(
      JSON.parse(
        readFileSync(join(fixturesDir, 'keypoints', 'c18_bicycle_crunch_side_backlit_shutterstock-harish.movenet-thunder.json'), 'utf8'),
      ),
    );
    const ix = (n: string) => b.fixture.keypointNames.indexOf(n);
    const frames = b.fixture.frames.filter((f) => f.keypoints.length);
    // Knees: as recorded.
    for (const [i, f] of frames.entries())
      expect(f.keypoints[ix('left_knee')]).toEqual(base.frames.filter((g) => g.keypoints.length)[i]?.keypoints[ix('left_knee')]);
    // Shoulders and elbows: spread only by the noise (σ 0.015 torso lengths, the torso ≈140 px here).
    for (const n of ['left_shoulder', 'right_elbow']) {
      const xs = frames.map((f) => f.keypoints[ix(n)]?.[0] as number);
      const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
      expect(Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length)).toBeLessThan(4);
    }
  });
});
