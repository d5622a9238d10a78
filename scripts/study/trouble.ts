// Where each model's keypoints go wrong, counted per clip on the recorded streams (issue 11.4, point 4).
// Scores do not reveal wrong points (NOTES.md), so these checks look at the body's own consistency:
//  - leg collapse: one leg (hip→ankle) under 60 % of the other's length while the model scores both ≥ 0.5,
//    e.g. a hidden leg drawn hanging from the hip or folded onto the other one. Counted only inside the
//    plank and press-up windows (windows.ts), where both legs lie straight; a bicycle or a row bends one;
//  - jump: the hip midpoint moves more than one torso length between two samples (1/15 s) — the skeleton
//    leapt to another place (a camera cut, another person, or a lost track);
//  - none: nobody found.
// Printed as a markdown table; frames where they fire are listed so they can be looked at with overlay.ts.
import type { ModelName, PoseFrame } from '../../src/core/pose';
import { STUDY_MODELS, studyClips } from './clips';
import { loadStream } from './data';
import { PLANK_WINDOWS, PRESS_WINDOWS } from './windows';

const STRAIGHT_LEGS = [...PLANK_WINDOWS, ...PRESS_WINDOWS].filter(
  (w) => w.label !== 'not-plank' && w.label !== 'down' && w.label !== 'sphinx',
);
const legsStraight = (clip: string, t: number) => STRAIGHT_LEGS.some((w) => w.clip === clip && t >= w.start && t <= w.end);

const SHORT: Record<ModelName, string> = {
  'movenet-thunder': 'thunder',
  'movenet-lightning': 'lightning',
  'blazepose-full': 'bp-full',
  'blazepose-lite': 'bp-lite',
};

interface Trouble {
  frames: number;
  none: number;
  collapse: number[];
  jump: number[];
}

function scan(clip: string, frames: readonly PoseFrame[]): Trouble {
  const out: Trouble = { frames: frames.length, none: 0, collapse: [], jump: [] };
  let prev: { x: number; y: number; torso: number } | null = null;
  for (const f of frames) {
    const p = f.poses[0];
    if (!p) {
      out.none++;
      prev = null;
      continue;
    }
    const k = (n: string) => p.keypoints.find((x) => x.name === n)!;
    const d = (a: string, b: string) => Math.hypot(k(a).x - k(b).x, k(a).y - k(b).y);
    const sure = ['left_hip', 'right_hip', 'left_ankle', 'right_ankle'].every((n) => k(n).score >= 0.5);
    const ll = d('left_hip', 'left_ankle'),
      rl = d('right_hip', 'right_ankle');
    if (legsStraight(clip, f.t / 1000) && sure && Math.min(ll, rl) < 0.6 * Math.max(ll, rl)) out.collapse.push(f.t / 1000);
    const hx = (k('left_hip').x + k('right_hip').x) / 2,
      hy = (k('left_hip').y + k('right_hip').y) / 2;
    const sx = (k('left_shoulder').x + k('right_shoulder').x) / 2,
      sy = (k('left_shoulder').y + k('right_shoulder').y) / 2;
    const torso = Math.hypot(sx - hx, sy - hy);
    if (prev && prev.torso > 0 && Math.hypot(hx - prev.x, hy - prev.y) > prev.torso) out.jump.push(f.t / 1000);
    prev = { x: hx, y: hy, torso };
  }
  return out;
}

/** Runs of times (s) as "a–b" spans, for reading. */
function spans(ts: number[]): string {
  const out: string[] = [];
  let start: number | null = null,
    last = -1;
  for (const t of ts) {
    if (start === null) {
      start = t;
      last = t;
      continue;
    }
    if (t - last > 0.15) {
      out.push(start === last ? `${start.toFixed(1)}` : `${start.toFixed(1)}–${last.toFixed(1)}`);
      start = t;
    }
    last = t;
  }
  if (start !== null) out.push(start === last ? `${start.toFixed(1)}` : `${start.toFixed(1)}–${last.toFixed(1)}`);
  return out.slice(0, 6).join(', ') + (out.length > 6 ? ', …' : '');
}

const lines = [
  '| clip | model | frames | none | leg collapse in straight-leg windows (frames: where, s) | jump (where, s) |',
  '|---|---|---|---|---|---|',
];
const totals = new Map<string, { frames: number; none: number; collapse: number; jump: number }>();
for (const c of studyClips()) {
  for (const m of STUDY_MODELS) {
    const frames = loadStream(c.id, m);
    if (!frames) continue;
    const t = scan(c.id, frames);
    const tot = totals.get(SHORT[m]) ?? { frames: 0, none: 0, collapse: 0, jump: 0 };
    tot.frames += t.frames;
    tot.none += t.none;
    tot.collapse += t.collapse.length;
    tot.jump += t.jump.length;
    totals.set(SHORT[m], tot);
    if (!t.collapse.length && !t.jump.length && !t.none) continue;
    lines.push(
      `| ${c.id.slice(0, 3)} | ${SHORT[m]} | ${t.frames} | ${t.none} | ${t.collapse.length}: ${spans(t.collapse)} | ${t.jump.length}: ${spans(t.jump)} |`,
    );
  }
}
lines.push('', '| model | frames | none | leg collapse | jump |', '|---|---|---|---|---|');
for (const [m, t] of totals)
  lines.push(`| ${m} | ${t.frames} | ${t.none} | ${t.collapse} (${((100 * t.collapse) / t.frames).toFixed(1)} %) | ${t.jump} |`);
console.log(lines.join('\n'));
