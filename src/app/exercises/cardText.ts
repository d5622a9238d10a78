// What the cards and the routine tell a person about each exercise, besides its steps: what to have
// ready, and how to turn to the camera, in words. The facts sit in each exercise's record (`card`). The equipment follows the seed article (../shared/seed/): the floor exercises need room to
// lie down; the seated stretches use a chair, or an exercise ball instead; the ball crunch needs the
// ball; the press, fly and row need light dumbbells, the press a bench or ball to lie on, the row (as our
// steps teach it, a knee and hand on a bench) a bench, and the fly can lean on a bench or ball.
import { EXERCISES, type ExerciseDef, type ExerciseId } from '../../core/exercises';
import type { CardFacts, Gear } from '../../core/exercises/types';

export type { CardFacts, Gear };

/** The card facts of an exercise: they live in its record (`card`), one file per exercise. */
const facts = (id: ExerciseId): CardFacts => EXERCISES[id].card;

const GEAR_WORDS: Record<Gear, string> = {
  mat: 'a mat',
  ball: 'an exercise ball',
  dumbbells: 'light dumbbells',
  bench: 'a bench',
  chair: 'a chair',
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const orList = (g: readonly Gear[]) => g.map((x) => GEAR_WORDS[x]).join(' or ');

/** What to have ready for one exercise, e.g. "Light dumbbells (a bench or an exercise ball to lean on helps)". */
export function equipmentText(id: ExerciseId): string {
  const f = facts(id);
  const needed = capital(f.gear.map(orList).join(', '));
  return f.optional ? `${needed} (${orList(f.optional.gear)} ${f.optional.use} helps)` : needed;
}

/**
 * Everything a list of exercises needs, each item once, choices kept ("a chair or an exercise ball"),
 * and a choice dropped when another line already needs one of its items ("a bench or an exercise ball"
 * is covered once the ball is on the list anyway).
 */
export function routineEquipment(ids: readonly ExerciseId[]): string[] {
  const choices: (readonly Gear[])[] = [];
  for (const id of ids) {
    for (const c of facts(id).gear) {
      if (!choices.some((x) => x.length === c.length && x.every((g, i) => g === c[i]))) choices.push(c);
    }
  }
  const single = new Set(choices.filter((c) => c.length === 1).map((c) => c[0]!));
  return choices.filter((c) => c.length === 1 || !c.some((g) => single.has(g))).map((c) => capital(orList(c)));
}

const CAMERA_TEXT: Record<CardFacts['camera'], string> = {
  side: 'Side-on',
  front: 'Facing it',
  either: 'Side-on or facing it',
};

/** How to be seen by the camera, e.g. "Side-on, whole body in view" (shown after "Camera"). */
export function cameraNeeds(def: ExerciseDef): string {
  const r = (def.judgedFrom ?? def.required).map((x) => x.replace(/^both:/, ''));
  const body = r.includes('ankle') ? 'whole body in view' : r.includes('knee') ? 'head to knees in view' : 'head to hips in view';
  return `${CAMERA_TEXT[def.card.camera]}, ${body}`;
}
