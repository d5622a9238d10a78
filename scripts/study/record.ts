// Records what the study needs and is not yet in test-fixtures/keypoints: every study clip (scripts/study/
// clips.ts) under every candidate model, with the recorder and settings of `npm run record` (15 fps, longest
// side 640 px, model smoothing off, tracking reset per clip). BlazePose streams keep its world points
// (`keypoints3D`) and go to test-fixtures/keypoints; MoveNet streams of clips that clips.json does not list
// yet go to the study's cache outside the project (clips.ts: studyFixturePath). Existing files are left
// alone unless --force.
//
//   npx tsx scripts/study/record.ts [--model M]... [--only ID_PREFIX]... [--force]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ModelName } from '../../src/core/pose';
import { isModelName } from '../../src/core/pose';
import { readClipList, repoRoot, videosDir } from '../lib/clips';
import { median, recordVideo, stringifyFixture } from '../lib/recorder';
import { parseCrop } from '../lib/video';
import { STUDY_MODELS, studyClips, studyFixturePath } from './clips';

const { values: opt } = parseArgs({
  options: {
    model: { type: 'string', multiple: true },
    only: { type: 'string', multiple: true },
    force: { type: 'boolean', default: false },
  },
});
const models: ModelName[] = (opt.model ?? STUDY_MODELS).map((m) => {
  if (!isModelName(m)) throw new Error(`unknown model ${m}`);
  return m;
});
const list = readClipList();
const clips = studyClips().filter((c) => !opt.only || opt.only.some((p) => c.id.startsWith(p)));

for (const model of models) {
  for (const c of clips) {
    const out = studyFixturePath(c.id, model);
    if (existsSync(out) && !opt.force) continue;
    const video = join(videosDir, c.video);
    if (!existsSync(video)) {
      console.log(`${c.id}: video absent at ${video}, skipped`);
      continue;
    }
    const t0 = performance.now();
    const r = await recordVideo({
      video,
      model,
      fps: list.fps,
      maxSide: list.maxSide,
      smoothing: false,
      repoRoot,
      crop: c.crop === null ? undefined : parseCrop(c.crop),
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, stringifyFixture(r.fixture));
    const found = r.frames.filter((f) => f.poses.length > 0).length;
    console.log(
      `${c.id} ${model}: ${r.frames.length} frames (${found} with a person), median ${median(r.inferMs).toFixed(1)} ms/frame, ` +
        `${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  }
}
