// Card wording derived from an exercise's record (its view and required joints, its defaults).
import type { ExerciseDef } from '../../core/exercises';

const VIEW_TEXT: Record<ExerciseDef['view'], string> = {
  side: 'Side view: turn side-on to the camera',
  front: 'Front view: face the camera',
  any: 'Side or front view',
};

/** What the camera must see, e.g. "Side view: turn side-on to the camera, whole body from head to feet in the picture." */
export function cameraNeeds(def: ExerciseDef): string {
  const r = def.required.map((x) => x.replace(/^both:/, ''));
  const feet = r.includes('ankle');
  const knees = r.includes('knee');
  const body = feet ? 'whole body from head to feet' : knees ? 'head to knees at least' : 'head to hips at least';
  return `${VIEW_TEXT[def.view]}, ${body} in the picture.`;
}

export function startingAmounts(def: ExerciseDef): string {
  const d = def.defaults;
  const parts: string[] = [];
  if (d.sets) parts.push(`${d.sets} set${d.sets === 1 ? '' : 's'}`);
  const perSide = def.counter.kind === 'hold-per-side' || def.counter.kind === 'reps-per-side' ? ' each side' : '';
  if (d.reps && def.counter.kind !== 'hold' && def.counter.kind !== 'hold-per-side') parts.push(`${d.reps} reps${perSide}`);
  if (d.holdSec && (def.counter.kind === 'hold' || def.counter.kind === 'hold-per-side' || def.counter.kind === 'reps+hold')) {
    parts.push(`hold ${d.holdSec} s${perSide}`);
  }
  return parts.length ? `Starting amounts: ${parts.join(', ')} (yours to change).` : '';
}
