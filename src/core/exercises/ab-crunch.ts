// Abdominal crunch: lying on the back (feet up on a ball or on the floor); head and shoulders curl up
// and lower under control; the lower back stays down.
import type { Body } from '../geometry';
import { defineExercise, type MetricContext } from './types';
import { reps } from '../counting/reps';
import { CURL_BACK, both, curlAngle, finding, sideJoints } from './common';

/**
 * Curl measured as the trunk's rise from the floor, 90° − (trunk angle from vertical), signed (below 0 when
 * the shoulders sit lower in the picture than the hips), and counted from the person's own rest level: the
 * lowest curl seen, forgetting upward at BASE_FORGET_DEG_S and restarting at a camera cut. The level the
 * picture shows lying flat depends on the camera: side-on ≈5–10° (14's wide shot), ≈25° in 14's close-ups
 * (Thunder places the hips out of frame), and from the head end, raised, far below 0: 14's wide shot seen
 * again from 50–60° toward the head and 25–30° above (constructed, tests/kit/reproject.ts) lies at −18..−33°
 * and curls to +12..+27°. The rise per rep holds: 25–29° side-on, 22–24° in the close-ups, 30–45° from the
 * head end; the smallest catalogued rise is 17° (14 at 5.2 → 6.0 s).
 * A rep: the curl ≥ CURL_ENTER above rest; back at rest under CURL_EXIT above it, or CURL_BACK down from the
 * top (close-ups drift).
 */
export const CURL_ENTER = 13;
export const CURL_EXIT = 6;
export const CURL_PARTIAL = 9;
/** Rest level forgets upward this fast (°/s), so a held top (13: 2 s) stays a top and a reframed camera is followed within seconds. */
export const BASE_FORGET_DEG_S = 3;
// A rep also ends once the curl has dropped CURL_BACK (common.ts) from its top.
/**
 * Tempo: only a jerky crunch is flagged, not a brisk one. YMCA one-minute sit-up norms rate about 50 a
 * minute (≈1.2 s a rep) as excellent for young adults, at full effort; the good-form clips here run at
 * ≈1.0 s (11) to ≈2–4 s (13, 14) a rep. Reps under MIN_REP_GAP_MS apart (over 100 a minute, twice that
 * pace), or a whole curl up and back down in under MIN_EXCURSION_MS (a bounce: 11's brisk reps
 * measured 467–600 ms), are too fast. The time to cross the middle of the range is not used: at 15 fps
 * it is 1–2 frames even on controlled reps (measured on 11, 15).
 */
export const MIN_REP_GAP_MS = 600;
export const MIN_EXCURSION_MS = 300;
/** Hips rising above the knee–shoulder baseline by this (torso lengths) = lower back lifting. */
export const HIPS_LIFT = 0.35;

/** What the crunch remembers: the rest level and when it was last set (NaN = unset), the last rep's time. */
export interface CrunchMemory { base: number; baseT: number; lastRep: number }
const crunchMemory = (): CrunchMemory => ({ base: NaN, baseT: NaN, lastRep: NaN });

/** The curl above the person's own rest level (see CURL_ENTER); keeps the level in `ctx.mem`. */
export function curlAboveRest(b: Body, ctx: MetricContext<CrunchMemory>): number | null {
  const c = curlAngle(b);
  if (c === null) return null;
  const m = ctx.mem, t = ctx.t ?? 0;
  const base = m.base, bt = m.baseT;
  const cut = ctx.cutT !== undefined && !Number.isNaN(bt) && ctx.cutT > bt;
  m.base = Number.isNaN(base) || cut || c < base ? c : Math.min(c, base + BASE_FORGET_DEG_S * Math.max(0, t - (Number.isNaN(bt) ? t : bt)) / 1000);
  m.baseT = t;
  return c - m.base;
}

function lyingBack(b: Body): boolean {
  const c = curlAngle(b);
  return c !== null && c < 60;
}

export const abCrunch = defineExercise({
  id: 'ab-crunch',
  name: 'Abdominal crunch',
  group: 'strength',
  instructions: [
    'Lie on your back, side-on to the camera. Rest your feet on an exercise ball, or flat on the floor.',
    'Hands lightly behind your head or across your chest.',
    'Curl your head and shoulders up, pause, and lower slowly.',
    'Keep your lower back on the floor.',
  ],
  view: 'any',
  required: ['shoulder', 'hip'],
  posture: { check: lyingBack },
  counter: reps({ reps: { direction: 'up', enter: CURL_ENTER, exit: CURL_EXIT, partialMin: CURL_PARTIAL, minTopMs: 60, backFromPeak: CURL_BACK } }),
  memory: crunchMemory,
  measure: curlAboveRest,
  // Curl above the rest level: the top (CURL_ENTER) and the way back down fall inside.
  metric: { label: 'trunk curl above rest', unit: '°', span: [0, 40] },
  checks: [
    (b) => {
      const j = sideJoints(b, ['shoulder', 'hip', 'knee']);
      if (!j || !(b.torso > 0)) return null;
      const [s, h, k] = j as [number, number, number];
      // Hip height above the shoulder–knee baseline (y down, so baseline y − hip y).
      const base = ((b.y[s] as number) + (b.y[k] as number)) / 2;
      const lift = (base - (b.y[h] as number)) / b.torso;
      return lift > HIPS_LIFT ? finding('hips-lifted', 'safety', both('hip')) : null;
    },
  ],
  repChecks: [
    (r, ctx) => {
      const fast = r.kind === 'rep-end' ? r.cycleMs < MIN_EXCURSION_MS : r.kind === 'rep' && !Number.isNaN(ctx.mem.lastRep) && ctx.t - ctx.mem.lastRep < MIN_REP_GAP_MS;
      return fast ? finding('too-fast', 'minor', both('shoulder')) : null;
    },
  ],
  rememberRep: (r, ctx) => { if (r.kind === 'rep') ctx.mem.lastRep = ctx.t; },
  defaults: { reps: 10, sets: 2, restSec: 45 },
  card: { gear: [['mat']], optional: { gear: ['ball'], use: 'to rest your feet on' }, camera: 'side' },
  demo: { clip: '14_crunch_klarfit', from: 2.8, to: 5.7, why: 'wide shot between the cuts: two curl-ups' },
  faultIds: ['too-fast', 'hips-lifted'],
  words: {
    posture: 'Lie on your back to start',
    faults: {
      'hips-lifted': 'Keep your lower back down',
      'too-fast': 'Slower, curl up and lower with control',
    },
    guide: {
      'ab-crunch.start': 'Curl your head and shoulders up off the floor',
      'ab-crunch.further': 'Curl up a little higher',
    },
  },
});
