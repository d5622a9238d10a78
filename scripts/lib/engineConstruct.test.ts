// The committed constructed streams are exactly what the seeded generator makes (so the README's account
// of how they were made is true), and each stream is labelled as constructed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAll, constructedDir, rng, schedule } from './engineConstruct';

describe('constructed streams generator', () => {
  const built = buildAll();

  it.each(built.map((b) => [b.name, b] as const))('%s: committed files match the generator byte for byte', (_n, b) => {
    const fx = readFileSync(join(constructedDir, `${b.name}.keypoints.json`), 'utf8');
    const ex = readFileSync(join(constructedDir, `${b.name}.expected.json`), 'utf8');
    expect(fx === JSON.stringify(b.fixture) + '\n', `${b.name}.keypoints.json is stale: npm run construct`).toBe(true);
    expect(ex).toBe(JSON.stringify(b.expected, null, 2) + '\n');
    expect(b.fixture.source).toMatch(/^constructed:/);
    expect(b.fixture.model).toMatch(/constructed/);
    expect(b.fixture.construction.length).toBeGreaterThan(100);
    expect(String(b.expected.notes)).toMatch(/^CONSTRUCTED/);
  });

  it('the same seed gives the same stream, another seed different noise', () => {
    const a = rng(7),
      b = rng(7),
      c = rng(8);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect([c(), c(), c()]).not.toEqual(xs);
  });

  it('schedules ease between their steps and hold the last value', () => {
    const f = schedule(0, [
      { dur: 1, to: 10 },
      { dur: 2, to: 10 },
      { dur: 1, to: 0 },
    ]);
    expect(f(0)).toBe(0);
    expect(f(0.5)).toBeCloseTo(5, 6);
    expect(f(2)).toBe(10);
    expect(f(3.5)).toBeCloseTo(5, 6);
    expect(f(10)).toBe(0);
  });
});
