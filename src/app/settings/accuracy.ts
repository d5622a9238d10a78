// The plain-words name of the accuracy setting (which pose model runs), for Settings and the pages that
// say which one they use. The other models have technical names only, under Settings › Advanced.
import type { ModelName } from '../../core/pose';

export const ACCURACY: readonly { model: ModelName; label: string }[] = [
  { model: 'movenet-thunder', label: 'Best (recommended)' },
  { model: 'movenet-lightning', label: 'Faster, for slow computers' },
];

/** "Best (recommended)", "Faster, for slow computers", or null for a model chosen under Advanced. */
export function accuracyLabel(model: ModelName): string | null {
  return ACCURACY.find((a) => a.model === model)?.label ?? null;
}
