// Node-side helpers for the engine CLIs (analyze, eval): find and read recorded keypoint fixtures.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureToFrames, parseFixture } from '../../src/core/fixture';
import type { PoseFrame } from '../../src/core/pose';
import { fixturesDir } from './clips';

// Where things are (the repository, the fixtures, the shared videos honouring FORM_COACH_VIDEOS_DIR) is set
// up once, in clips.ts.
export { fixturesDir, repoRoot, videosDir } from './clips';

/** Reads a form-coach/keypoints@1 file into engine frames. Throws Error with a one-line reason. */
export function readFixtureFrames(path: string): { frames: PoseFrame[]; source: string; model: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not JSON`);
  }
  const fx = parseFixture(json);
  return { frames: fixtureToFrames(fx), source: fx.source, model: String(fx.model) };
}

/**
 * The recorded fixture for a clip and model, wherever the recorder put it: test-fixtures/keypoints/
 * <clip>.<model>.json, or the older layouts test-fixtures/<clip>.keypoints.json (Thunder) and
 * test-fixtures/lightning/<clip>.keypoints.json.
 */
export function fixturePath(clip: string, model = 'movenet-thunder'): string | null {
  const cands = [join(fixturesDir, 'keypoints', `${clip}.${model}.json`)];
  if (model === 'movenet-thunder') cands.push(join(fixturesDir, `${clip}.keypoints.json`));
  if (model === 'movenet-lightning') cands.push(join(fixturesDir, 'lightning', `${clip}.keypoints.json`));
  return cands.find((p) => existsSync(p)) ?? null;
}

/** Models that have at least one recorded fixture. */
export function recordedModels(): string[] {
  const dir = join(fixturesDir, 'keypoints');
  const set = new Set<string>();
  if (existsSync(dir))
    for (const f of readdirSync(dir)) {
      const m = /^.+\.([a-z-]+)\.json$/.exec(f);
      if (m?.[1]) set.add(m[1]);
    }
  if (readdirSync(fixturesDir).some((f) => f.endsWith('.keypoints.json'))) set.add('movenet-thunder');
  return [...set].sort((a, b) => (a === 'movenet-thunder' ? -1 : b === 'movenet-thunder' ? 1 : a.localeCompare(b)));
}
