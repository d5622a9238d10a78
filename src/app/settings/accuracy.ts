// The plain-words name of the accuracy setting (which pose model runs), for Settings and the pages that
// say which one they use. The other models have technical names only, under Settings › Advanced.
//
// Which model is "Faster" was chosen on speed and accuracy together (issue 19 item 4), from `npm run eval`
// (thresholds left out by source, 56 real clips) and `npm run bench` (wasm, one thread, this 2-core box):
//   MoveNet Thunder  53/56 clips, real faults 11/11, false faults 0   67.7 ms a picture
//   BlazePose full   43/56 clips, real faults  9/11, false faults 2   28.7 ms
//   MoveNet Lightning 39/56 clips, real faults 6/11, false faults 2   22.2 ms
//   BlazePose lite   34/56 clips, real faults  6/11, false faults 4   19.0 ms
// Thunder stays the default (the most faults found, none false). BlazePose full reads 2.4× as many pictures
// a second and loses the least of the faster three, so it is the one offered to a slow computer.
import type { ModelName } from '../../core/pose';
import { DEFAULT_MODEL } from '../../core/pose';

export const FASTER_MODEL: ModelName = 'blazepose-full';

export const ACCURACY: readonly { model: ModelName; label: string; short: string }[] = [
  { model: DEFAULT_MODEL, label: 'Best (recommended)', short: 'Best' },
  { model: FASTER_MODEL, label: 'Faster, for slow computers', short: 'Faster' },
];

/** "Best (recommended)", "Faster, for slow computers", or null for a model chosen under Advanced. */
export function accuracyLabel(model: ModelName): string | null {
  return ACCURACY.find((a) => a.model === model)?.label ?? null;
}

/** The setting's short name in a sentence: "Best", "Faster", or null for a model chosen under Advanced. */
export function accuracyShort(model: ModelName): string | null {
  return ACCURACY.find((a) => a.model === model)?.short ?? null;
}
