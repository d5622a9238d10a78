// Labelled windows of the study clips: stretches where ../shared/fixtures/CATALOG.md (and clips.json's truth,
// transcribed from it) says what the body is doing. Bounds sit inside the catalog's, by about its stated
// uncertainty (±0.2–0.3 s), so that a window holds only what its label says. Times in seconds.
import type { Task } from './measures';

export type View = 'side' | 'oblique' | 'front';

export interface StudyWindow {
  clip: string;
  task: Task;
  /**
   * plank: good | sag | pike | not-plank; crunch: peak | rest; press-up: top | down | sphinx.
   * Windows labelled `not-plank` and `sphinx` are reported, not used for thresholds.
   */
  label: string;
  start: number;
  end: number;
  view: View;
  note?: string;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const w = (clip: string, task: Task, label: string, start: number, end: number, view: View, note?: string): StudyWindow =>
  note === undefined
    ? { clip, task, label, start: r2(start), end: r2(end), view }
    : { clip, task, label, start: r2(start), end: r2(end), view, note };

const C = {
  p01: '01_plank_forearm_3q_akshathak',
  p02: '02_plank_high_tutorial_yogai',
  p03: '03_plank_forearm_side_kaiakol005',
  p04: '04_plank_high_hips-high_bassem',
  p05: '05_plank_forearm_side_sebitzu',
  p08: '08_plank_high_govio',
  p31: '31_pushup_incorrect_kaiakol',
  c09: 'c09_plank_forearm_side_home_backlit_letterbox_mrpose',
  c11: 'c11_plank_high_oblique_outdoor_park_phone_myoxyn',
  c14: 'c14_plank_forearm_side-front-side_studio_cuts_malik',
  k11: '11_oblique_tabletop_crunch_bassem',
  k13: '13_crunch_sebitzu',
  k14: '14_crunch_klarfit',
  k15: '15_ball_crunch_klarfit',
  u16: '16_prone_press_up_front_bassem',
  ub07: 'b07_up_dog_prone_extension_3q-side_hpy2github',
  uc04: 'c04_prone_press_up_cobra_side-then-oblique-front_fitnessblender-malik',
} as const;

export const PLANK_WINDOWS: readonly StudyWindow[] = [
  w(C.p01, 'plank', 'good', 3.2, 34.0, 'oblique', '3/4 front-left, low camera'),
  w(C.p02, 'plank', 'good', 9.3, 10.8, 'oblique', 'before the shoulder-blade demonstration at 11–12 s'),
  w(C.p02, 'plank', 'good', 12.3, 15.9, 'oblique'),
  w(C.p02, 'plank', 'good', 18.3, 31.2, 'oblique'),
  w(C.p02, 'plank', 'sag', 16.5, 17.6, 'oblique', 'the demonstrated hip dip (16.2–17.9 s ±0.3)'),
  w(C.p03, 'plank', 'good', 0.2, 6.3, 'side'),
  w(C.p04, 'plank', 'pike', 0.2, 3.6, 'oblique', 'hips high, elevated phone camera; catalog confidence medium'),
  w(C.p05, 'plank', 'good', 0.2, 2.8, 'side'),
  w(C.p08, 'plank', 'good', 0.2, 5.0, 'oblique', 'front-left oblique, portrait'),
  // 31's catalogued "hips sagging" bottoms (1.0–3.0, 5.7–8.3 s): looked at the frames (2.0 and 7.0 s) with
  // both models' points drawn: he lies on the floor, chest, hips and legs down, arms folded. Not a plank held
  // with sagging hips, so not a sag example for the plank's hips rule; kept as not-a-plank.
  w(C.p31, 'plank', 'not-plank', 1.3, 2.7, 'side', 'push-up bottom, lying on the floor'),
  w(C.p31, 'plank', 'not-plank', 6.0, 8.0, 'side', 'push-up bottom, lying on the floor'),
  w(C.c09, 'plank', 'good', 0.2, 6.7, 'side', 'home, backlit, camera drifts'),
  w(C.c11, 'plank', 'good', 0.2, 5.4, 'oblique', 'front-left ~45°, handheld phone, outdoors, bystander'),
  w(C.c14, 'plank', 'good', 12.8, 17.8, 'side'),
  w(C.c14, 'plank', 'good', 18.8, 29.7, 'front'),
  w(C.c14, 'plank', 'good', 30.8, 46.9, 'side'),
  w(C.c14, 'plank', 'not-plank', 0.3, 6.0, 'side', 'lying prone'),
  w(C.c14, 'plank', 'not-plank', 6.6, 10.4, 'side', 'prone on the elbows, legs down'),
];

export const CRUNCH_WINDOWS: readonly StudyWindow[] = [
  // 11: peaks ≈1.8, 2.9, 3.8, 4.8 s (±0.2, low confidence); rest midway between them.
  ...[1.8, 2.9, 3.8, 4.8].map((t) =>
    w(C.k11, 'crunch', 'peak', t - 0.15, t + 0.15, 'oblique', 'side-oblique from the head end, small in frame'),
  ),
  ...[2.35, 3.35, 4.3].map((t) => w(C.k11, 'crunch', 'rest', t - 0.1, t + 0.1, 'oblique')),
  // 13: rep 1 held up ≈0.8–2.8 s, down ≈3.6–4.2 s, rep 2 peak ≈5.0 s, cut at 5.35 s. Close-up: legs out of view.
  w(C.k13, 'crunch', 'peak', 1.1, 2.5, 'side', 'close-up, hips at the frame edge'),
  w(C.k13, 'crunch', 'peak', 4.85, 5.15, 'side'),
  w(C.k13, 'crunch', 'rest', 3.8, 4.1, 'side'),
  // 14: peaks 0.5, 1.9 | cut 2.6 | 3.6, 5.1 | cut 5.9 | 6.5; rest midway within a shot.
  ...[0.5, 1.9, 3.6, 5.1, 6.5].map((t) => w(C.k14, 'crunch', 'peak', t - 0.15, t + 0.15, t < 2.6 || t > 5.9 ? 'side' : 'oblique')),
  w(C.k14, 'crunch', 'rest', 1.1, 1.3, 'side'),
  w(C.k14, 'crunch', 'rest', 4.25, 4.45, 'oblique'),
  // 15: peaks 1.9 | cut 3.2 | 4.2, 6.8; rest midway in the wide shot.
  ...[1.9, 4.2, 6.8].map((t) => w(C.k15, 'crunch', 'peak', t - 0.15, t + 0.15, 'oblique', 'ball crunch, front-oblique')),
  w(C.k15, 'crunch', 'rest', 5.4, 5.6, 'oblique'),
];

export const PRESS_WINDOWS: readonly StudyWindow[] = [
  w(C.u16, 'press-up', 'top', 0.2, 3.4, 'front', 'head-on, legs hidden behind the body'),
  w(C.ub07, 'press-up', 'top', 2.8, 5.0, 'oblique', 'up-dog from a plank'),
  w(C.ub07, 'press-up', 'top', 11.1, 13.5, 'side'),
  w(C.uc04, 'press-up', 'down', 0.1, 1.3, 'side', 'lying prone before the press'),
  w(C.uc04, 'press-up', 'top', 3.3, 6.4, 'side'),
  w(C.uc04, 'press-up', 'top', 7.2, 13.6, 'oblique'),
  w(C.uc04, 'press-up', 'top', 14.4, 20.8, 'front'),
  w(C.c14, 'press-up', 'down', 0.3, 6.0, 'side', 'lying prone (the plank clip c14 before it starts)'),
  w(C.c14, 'press-up', 'sphinx', 6.6, 10.4, 'side', 'prone on the elbows: half-way, arms bent'),
];

export const ALL_WINDOWS: readonly StudyWindow[] = [...PLANK_WINDOWS, ...CRUNCH_WINDOWS, ...PRESS_WINDOWS];
