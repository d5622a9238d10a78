// Looks at a recorded stream against the picture: one frame of a clip with each model's keypoints drawn on
// it (ffmpeg drawbox dots along the shoulder–hip–knee–ankle and arm chains), written OUTSIDE the project.
// Frames of the shared clips must never be committed; this is for looking only.
//
//   npx tsx scripts/study/overlay.ts CLIP_ID SECONDS [--model M]... [--out /tmp/x.png]
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ModelName } from '../../src/core/pose';
import { isModelName } from '../../src/core/pose';
import { readClipList, videosDir } from '../lib/clips';
import { filterChain, parseCrop, probeVideo } from '../lib/video';
import { STUDY_MODELS, studyClips } from './clips';
import { loadStream } from './data';

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: { model: { type: 'string', multiple: true }, out: { type: 'string' } },
});
const [id, sec] = positionals;
if (!id || sec === undefined) throw new Error('usage: overlay.ts CLIP_ID SECONDS [--model M]... [--out FILE]');
if (!(opt.out ?? '/tmp/').startsWith('/tmp/')) throw new Error('write overlays under /tmp only: frames of the clips are never committed');
const clip = studyClips().find((c) => c.id === id);
if (!clip) throw new Error(`no study clip ${id}`);
const models: ModelName[] = (opt.model ?? STUDY_MODELS).map((m) => {
  if (!isModelName(m)) throw new Error(m);
  return m;
});
const COLORS: Record<ModelName, string> = {
  'movenet-thunder': 'red',
  'movenet-lightning': 'yellow',
  'blazepose-full': 'cyan',
  'blazepose-lite': 'magenta',
};
const CHAINS = [
  ['left_shoulder', 'left_hip', 'left_knee', 'left_ankle'],
  ['right_shoulder', 'right_hip', 'right_knee', 'right_ankle'],
  ['left_shoulder', 'left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow', 'right_wrist'],
  ['left_shoulder', 'right_shoulder'],
  ['left_hip', 'right_hip'],
];
const t = Number(sec) * 1000;
const list = readClipList();
const video = join(videosDir, clip.video);
const { vf, width, height } = filterChain(probeVideo(video), {
  fps: list.fps,
  maxSide: list.maxSide,
  crop: clip.crop ? parseCrop(clip.crop) : undefined,
});
const boxes: string[] = [];
for (const m of models) {
  const frames = loadStream(id, m);
  const f = frames?.reduce((a, b) => (Math.abs(b.t - t) < Math.abs(a.t - t) ? b : a));
  const pose = f?.poses[0];
  if (!pose) {
    console.log(`${m}: no pose near ${sec} s`);
    continue;
  }
  const at = new Map(pose.keypoints.map((k) => [k.name, k]));
  for (const chain of CHAINS) {
    for (let i = 0; i + 1 < chain.length; i++) {
      const a = at.get(chain[i]!),
        b = at.get(chain[i + 1]!);
      if (!a || !b || a.score < 0.1 || b.score < 0.1) continue;
      for (let s = 0; s <= 10; s++) {
        const x = a.x + ((b.x - a.x) * s) / 10,
          y = a.y + ((b.y - a.y) * s) / 10;
        // Left side solid, right side hollow, so a swapped side shows.
        const fill = chain[0]!.startsWith('left') ? 'fill' : '1';
        boxes.push(`drawbox=x=${Math.round(x - 2)}:y=${Math.round(y - 2)}:w=5:h=5:color=${COLORS[m]}:t=${fill}`);
      }
    }
  }
  console.log(`${m} (${COLORS[m]}): frame at ${(f!.t / 1000).toFixed(2)} s`);
}
const out = opt.out ?? `/tmp/overlay_${id.slice(0, 3)}_${sec}.png`;
execFileSync('ffmpeg', [
  '-v',
  'error',
  '-y',
  '-ss',
  String(Number(sec)),
  '-i',
  video,
  '-frames:v',
  '1',
  '-vf',
  [vf.replace(/fps=[^,]*,/, ''), ...boxes].join(','),
  out,
]);
console.log(`${out} (${width}×${height})`);
