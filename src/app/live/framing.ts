// The framing step's judgement, from the engine's view of one frame: is each need of the exercise met
// (the needed joints in view, light, the camera view, the starting posture)? And where on the picture a
// banner can go without covering those joints. Pure: tested in Node on recorded streams.
import type { EngineView, SetupIssue } from '../../core/engine';
import { DARK_LIGHT } from '../../core/engine';
import type { ExerciseDef } from '../../core/exercises';
import type { Pose } from '../../core/pose';
import type { Need } from '../../words/liveWords';

/** 'unknown': cannot be judged yet (e.g. the view, before anyone is seen). Never shown as met. */
export type Verdict = 'ok' | 'no' | 'unknown';
export type Verdicts = Readonly<Record<Need, Verdict>>;

export const UNKNOWN_VERDICTS: Verdicts = { 'in-view': 'unknown', light: 'unknown', view: 'unknown', posture: 'unknown' };

/**
 * Verdicts from the engine's set-up issues. The engine reports issues in order and stops early (a dark or
 * empty picture says nothing of the view or posture), so what it did not get to judge stays 'unknown'.
 * `light` is the picture's measured brightness where the camera gives one (0..1).
 */
export function verdictsFor(v: Pick<EngineView, 'phase' | 'setupIssues'>, light: number | undefined): Verdicts {
  if (v.phase === 'active') return { 'in-view': 'ok', light: 'ok', view: 'ok', posture: 'ok' };
  const has = (i: SetupIssue) => v.setupIssues.includes(i);
  const lightOk: Verdict = typeof light === 'number' && Number.isFinite(light) ? (light >= DARK_LIGHT ? 'ok' : 'no') : 'unknown';
  if (has('too-dark')) return { 'in-view': 'unknown', light: 'no', view: 'unknown', posture: 'unknown' };
  if (has('no-person')) return { 'in-view': 'no', light: lightOk, view: 'unknown', posture: 'unknown' };
  // Someone is seen well enough to judge their joints: the light is good enough for the model.
  const cut = has('body-cut-off');
  const wrongView = has('wrong-view');
  return {
    'in-view': cut ? 'no' : 'ok',
    light: lightOk === 'no' ? 'no' : 'ok',
    // The view check needs both shoulders; with joints missing and no view issue it may not have run.
    view: wrongView ? 'no' : cut ? 'unknown' : 'ok',
    // The engine judges the posture only once everything else is right.
    posture: has('wrong-posture') ? 'no' : cut || wrongView ? 'unknown' : v.setupIssues.length === 0 ? 'ok' : 'unknown',
  };
}

export function allMet(v: Verdicts): boolean {
  return v['in-view'] === 'ok' && v.light === 'ok' && v.view === 'ok' && v.posture === 'ok';
}

/** Where a banner sits on the picture: the side of the body with the most room. */
export type BannerSide = 'top' | 'bottom' | 'left' | 'right';

/** Box of the joints that matter, as fractions of the frame (0..1, image coordinates, unmirrored). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The box around every joint of `pose` the engine trusts (score > 0), as fractions of the frame; null when none. */
export function bodyBox(pose: Pose | null, width: number, height: number): Box | null {
  if (!pose || width <= 0 || height <= 0) return null;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const k of pose.keypoints.slice(0, 17)) {
    if (k.score <= 0) continue;
    x0 = Math.min(x0, k.x);
    x1 = Math.max(x1, k.x);
    y0 = Math.min(y0, k.y);
    y1 = Math.max(y1, k.y);
  }
  if (!Number.isFinite(x0)) return null;
  // A joint is drawn as a ring: give the box a margin of 4 % of the frame on each side.
  const m = 0.04;
  return {
    x0: Math.max(0, x0 / width - m),
    x1: Math.min(1, x1 / width + m),
    y0: Math.max(0, y0 / height - m),
    y1: Math.min(1, y1 / height + m),
  };
}

/**
 * The side of the body with the most free room for a banner, with the band (fractions of the frame) it
 * may fill. `mirror`: the picture is shown flipped, so image-left is screen-right. Ties go to the top
 * (where people look first). Without a body, the top.
 */
export function bannerPlace(box: Box | null, mirror: boolean): { side: BannerSide; size: number } {
  if (!box) return { side: 'top', size: 0.3 };
  const room: [BannerSide, number][] = [
    ['top', box.y0],
    ['bottom', 1 - box.y1],
    // Horizontal room counts for less: a banner beside the body has to be narrow and tall.
    [mirror ? 'right' : 'left', box.x0 * 0.8],
    [mirror ? 'left' : 'right', (1 - box.x1) * 0.8],
  ];
  let best = room[0]!;
  for (const r of room) if (r[1] > best[1] + 1e-9) best = r;
  const size = best[0] === 'left' || best[0] === 'right' ? best[1] / 0.8 : best[1];
  return { side: best[0], size: Math.max(0, Math.min(1, size)) };
}

/**
 * The banner's place for this frame, in whole tenths of the picture so it does not slide about with every small
 * movement: `prev` itself while the place has not changed (the store is then left alone).
 */
export function nextBanner(
  prev: { side: BannerSide; size: number },
  pose: Pose | null,
  width: number,
  height: number,
  mirror: boolean,
): { side: BannerSide; size: number } {
  const place = bannerPlace(bodyBox(pose, width, height), mirror);
  const size = Math.floor(place.size * 10) / 10;
  return place.side === prev.side && size === prev.size ? prev : { side: place.side, size };
}

/** A keypoint score the overlay and the engine take as seen. */
export const SEEN_SCORE = 0.3;

/**
 * Whether the model sees every joint the exercise needs (either side of a limb where either will do, both
 * where it needs both), in the raw pose of a frame. While it does, the light is not what stops tracking, so
 * "more light" is not said.
 */
export function neededSeen(def: ExerciseDef, pose: Pose | null | undefined): boolean {
  if (!pose) return false;
  const score = new Map(pose.keypoints.map((k) => [k.name, k.score] as const));
  const ok = (name: string) => (score.get(name) ?? 0) >= SEEN_SCORE;
  return (def.judgedFrom ?? def.required).every((r) => {
    if (r === 'nose') return ok('nose');
    if (r.startsWith('both:')) {
      const l = r.slice(5);
      return ok(`left_${l}`) && ok(`right_${l}`);
    }
    return ok(`left_${r}`) || ok(`right_${r}`);
  });
}
