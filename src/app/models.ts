// What the settings panel says about each model: accuracy notes from running each model over the shared clips
// (../shared/NOTES.md, npm run eval). No speeds here: Settings states the speed measured on the user's own device
// (modelSpeed.ts), since the same model ran at 65 ms a frame in one measurement on a 2-core machine and 174 ms
// in another.
import type { ModelName } from '../core/pose';

export const MODEL_LABELS: Record<ModelName, { name: string; tradeOff: string }> = {
  'movenet-thunder': { name: 'MoveNet Thunder', tradeOff: 'Most accurate on every test clip.' },
  'movenet-lightning': { name: 'MoveNet Lightning', tradeOff: 'Sometimes merges the two legs, or an arm and a leg.' },
  'blazepose-lite': { name: 'BlazePose Lite', tradeOff: '33 points; can stay confidently wrong for a few seconds after a jump cut.' },
  'blazepose-full': { name: 'BlazePose Full', tradeOff: '33 points; can stay wrong after a jump cut, like Lite.' },
};
