// Every file README.md names (`src/…`, `scripts/…`, `tests/…`, `bench/…` in backticks) exists, so "How it
// works" cannot drift from the code as files move. `<id>` stands for each exercise: its folder must exist.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

/** The repository paths a markdown text cites in backticks. */
export function citedPaths(md: string): string[] {
  const out = new Set<string>();
  for (const m of md.matchAll(/`((?:src|scripts|tests|bench|test-fixtures|docs)\/[^`\s]*)`/g)) out.add(m[1]!);
  return [...out];
}

describe('README.md', () => {
  const md = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const cited = citedPaths(md);

  it('names the one path of a frame, file by file', () => {
    const how = md.slice(md.indexOf('## How it works'), md.indexOf('### Why the scoped'));
    const steps = [
      'src/main.tsx',
      'src/app/boot.ts',
      'src/pose/openSource.ts',
      'src/app/frameLoop.ts',
      'src/app/live/LiveSession.ts',
      'src/core/engine.ts',
      'src/app/live/setFlow.ts',
      'src/app/store.ts',
      'src/render/skeleton.ts',
      'src/app/voice.ts',
    ];
    const at = steps.map((p) => how.indexOf(`\`${p}\``, how.indexOf('### One frame')));
    expect(
      at.every((i) => i >= 0),
      JSON.stringify(steps.filter((_, i) => at[i]! < 0)),
    ).toBe(true);
  });

  it('every file it cites exists', () => {
    expect(cited.length).toBeGreaterThan(30);
    const missing = cited.filter((p) => {
      const path = p.replace(/[.,:;]+$/, '');
      if (path.includes('<')) return !existsSync(resolve(ROOT, dirname(path)));
      return !existsSync(resolve(ROOT, path));
    });
    expect(missing).toEqual([]);
  });
});
