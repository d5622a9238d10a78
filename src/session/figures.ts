// The numbers every screen shows about a set, computed in this one place (pure: no React, no DOM), so the live
// screen, the summary, History and the report can never disagree: the good-form figure, the target as it reads
// ("10 + 10 reps" for a target per side) and the count against it.
//
// The good-form figure is on the same base as the count beside it:
// - a hold: the seconds held with good form out of the seconds held ("75 % (0:15 of 0:20 held)");
// - reps: the reps judged well out of the reps counted ("80 % (8 of 10 reps)");
// - an older record with neither: the share of the time active ("70 % of the time").
// Nothing counted: no figure at all (never "100 %" of nothing).
import { EXERCISES, isExerciseId } from '../core/exercises';
import type { SessionRecord } from '../storage/schema';
import { clock } from './clock';

export type CountMode = 'reps' | 'hold';

/** What an exercise counts, and whether left and right are counted apart (its counter's shape, from its record). */
export function countMode(exerciseId: string): { mode: CountMode; sides: boolean } | null {
  if (!isExerciseId(exerciseId)) return null;
  const { mode, sides } = EXERCISES[exerciseId].counter.shape;
  return { mode, sides };
}

/** The parts of a record the figure reads (the live set's recorder gives the same, as it runs). */
export type FormFields = Pick<SessionRecord, 'exerciseId' | 'reps' | 'holdSec' | 'goodFormSec' | 'activeSec'> &
  Partial<Pick<SessionRecord, 'repsGood' | 'faultHeldSec'>>;

/** The counts a good-form figure is made of; sets of one exercise add up (the report's per-exercise figure). */
export interface FormCounts {
  /** 'reps': reps judged well of reps counted; 'held': seconds with good form of seconds held; 'time': older records. */
  unit: 'reps' | 'held' | 'time';
  good: number;
  of: number;
  /** For 'held': the seconds held as the counter shows them (the base written beside the figure). */
  shown: number;
}

/** The counts behind the good-form figure of one set, or null when nothing was counted (nothing to judge). */
export function formCounts(r: FormFields): FormCounts | null {
  const mode = countMode(r.exerciseId)?.mode ?? (r.reps.total > 0 ? 'reps' : 'hold');
  if (mode === 'hold') {
    if (r.holdSec.total <= 0) return null;
    // Since the recorder's hold figures (faultHeldSec present), activeSec is the time held: the same base.
    if (r.faultHeldSec !== undefined)
      return { unit: 'held', good: Math.min(r.goodFormSec, r.activeSec), of: r.activeSec, shown: r.holdSec.total };
    return r.activeSec > 0 ? { unit: 'time', good: Math.min(r.goodFormSec, r.activeSec), of: r.activeSec, shown: r.activeSec } : null;
  }
  if (r.reps.total <= 0) return null;
  if (r.repsGood !== undefined) return { unit: 'reps', good: Math.min(r.repsGood, r.reps.total), of: r.reps.total, shown: r.reps.total };
  return r.activeSec > 0 ? { unit: 'time', good: Math.min(r.goodFormSec, r.activeSec), of: r.activeSec, shown: r.activeSec } : null;
}

/** Counts of several sets added up; null when none had any, or when they are not on one base. */
export function addFormCounts(list: readonly (FormCounts | null)[]): FormCounts | null {
  const got = list.filter((c): c is FormCounts => c !== null);
  const first = got[0];
  if (!first || got.some((c) => c.unit !== first.unit)) return null;
  return got.reduce((a, c) => ({ unit: a.unit, good: a.good + c.good, of: a.of + c.of, shown: a.shown + c.shown }), {
    unit: first.unit,
    good: 0,
    of: 0,
    shown: 0,
  });
}

export interface GoodForm {
  /** 0..1 */
  share: number;
  /** Whole percent, as written. */
  percent: number;
  /** The one way the figure is written: "80 % (8 of 10 reps)", "75 % (0:15 of 0:20 held)", "70 % of the time". */
  text: string;
}

/** The label every screen puts before the figure. */
export const GOOD_FORM_LABEL = 'Good form';

export function goodFormOf(c: FormCounts | null): GoodForm | null {
  if (!c || !(c.of > 0)) return null;
  const share = Math.max(0, Math.min(1, c.good / c.of));
  const percent = Math.round(share * 100);
  let text: string;
  if (c.unit === 'reps') text = `${percent} % (${c.good} of ${c.of} ${c.of === 1 ? 'rep' : 'reps'})`;
  // The good seconds are written as a share of the seconds shown, so "0:15 of 0:20" always agrees with the %.
  else if (c.unit === 'held') text = `${percent} % (${clock(share * c.shown)} of ${clock(c.shown)} held)`;
  else text = `${percent} % of the time`;
  return { share, percent, text };
}

/** The good-form figure of one set (or null: nothing counted). */
export function goodForm(r: FormFields): GoodForm | null {
  return goodFormOf(formCounts(r));
}

/** A set's target as it reads: "10 reps", "10 + 10 reps" (per side), "0:20 hold", "0:20 + 0:20 hold". */
export function targetText(exerciseId: string, target: SessionRecord['target']): string | null {
  if (!target) return null;
  const sides = countMode(exerciseId)?.sides ?? false;
  const two = (v: string) => (sides ? `${v} + ${v}` : v);
  if (target.holdSec !== undefined) return `${two(clock(target.holdSec))} hold`;
  if (target.reps !== undefined) return `${two(String(target.reps))} ${sides || target.reps !== 1 ? 'reps' : 'rep'}`;
  return null;
}

/** Reps a set counted under a fault (counted, not judged well); null where the record does not say. */
export function repsWithFault(r: Pick<SessionRecord, 'reps' | 'repsGood'>): number | null {
  return r.repsGood === undefined ? null : Math.max(0, r.reps.total - Math.min(r.repsGood, r.reps.total));
}
