// What the settings panel says about each model. Speeds are this project's measurements on a 2-core
// machine without GPU, wasm SIMD backend, 640x480 input (../shared/NOTES.md); accuracy notes are from
// running each model over the shared clips.
import type { ModelName } from '../core/pose';

export const MODEL_LABELS: Record<ModelName, { name: string; tradeOff: string }> = {
  'movenet-thunder': { name: 'MoveNet Thunder', tradeOff: 'Most accurate on every test clip; slowest (about 65 ms per frame without a GPU).' },
  'movenet-lightning': { name: 'MoveNet Lightning', tradeOff: 'About 3× faster than Thunder; sometimes merges the two legs or an arm and a leg.' },
  'blazepose-lite': { name: 'BlazePose Lite', tradeOff: 'Fast, 33 points; can stay confidently wrong for a few seconds after a jump cut.' },
  'blazepose-full': { name: 'BlazePose Full', tradeOff: 'Fast-ish (about 28 ms), 33 points; same tracking caveat as Lite.' },
};
