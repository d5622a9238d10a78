// The app's test-build replay (?replay=NAME): the page fetches /__replay/NAME.json and plays it as camera and
// model, with no picture and no model. The tests serve the file from test-fixtures (keypoints only, never
// video), or a stream they build from one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from './clip';

export interface FixtureJson {
  format: string;
  source: string;
  model: string;
  keypointNames: string[];
  width: number;
  height: number;
  fps: number;
  frames: { t: number; keypoints: [number, number, number][] }[];
}

/** A committed keypoint fixture (test-fixtures/keypoints/<clip>.<model>.json). */
export function readFixture(clip: string, model = 'movenet-thunder'): FixtureJson {
  return JSON.parse(readFileSync(join(repoRoot, 'test-fixtures', 'keypoints', `${clip}.${model}.json`), 'utf8')) as FixtureJson;
}

/** The same pose, `n` times: a stream that stands perfectly still (for pixel baselines). */
export function still(f: FixtureJson, index: number, n: number): FixtureJson {
  const fr = f.frames[index];
  if (!fr) throw new Error(`frame ${index} is not in ${f.source}`);
  return { ...f, frames: Array.from({ length: n }, (_, i) => ({ t: (i * 1000) / f.fps, keypoints: fr.keypoints })) };
}

/** Serves `fixture` as /__replay/<name>.json to this page. */
export async function serveReplay(page: Page, name: string, fixture: FixtureJson): Promise<void> {
  const body = JSON.stringify(fixture);
  await page.route(`**/__replay/${name}.json`, (r) => r.fulfill({ contentType: 'application/json', body }));
}
