import { describe, expect, it } from 'vitest';
import { EXERCISES } from '../../core/exercises';
import { formatTime } from '../format/time';
import { counterText, holdLeftText, targetFor, targetReached } from './target';
import { setupWords } from '../../words/coachWords';

const counts = (total: number, left = 0, right = 0) => ({ total, left, right });

describe('live targets', () => {
  it('a plain hold is done when the total reaches the target', () => {
    const def = EXERCISES.plank;
    const t = targetFor(def, { holdSec: 30 });
    expect(t).toEqual({ holdSec: 30 });
    expect(targetReached(def, { reps: counts(0), holdSec: counts(29.9) }, t)).toBe(false);
    expect(targetReached(def, { reps: counts(0), holdSec: counts(30) }, t)).toBe(true);
  });

  it('an exercise with sides needs both sides at the target', () => {
    const sided = Object.values(EXERCISES).find((d) => d.counter.shape.sides);
    expect(sided).toBeDefined();
    const def = sided!;
    const hold = def.counter.shape.mode === 'hold';
    const t = targetFor(def, hold ? { holdSec: 10 } : { reps: 5 });
    const goal = hold ? 10 : 5;
    const v = (l: number, r: number) =>
      hold ? { reps: counts(0), holdSec: counts(l + r, l, r) } : { reps: counts(l + r, l, r), holdSec: counts(0) };
    expect(targetReached(def, v(goal * 2, 0), t)).toBe(false);
    expect(targetReached(def, v(goal, goal - 1), t)).toBe(false);
    expect(targetReached(def, v(goal, goal), t)).toBe(true);
  });

  it('reps default to the exercise defaults when no routine number is given', () => {
    const def = EXERCISES['ab-crunch'];
    expect(targetFor(def)).toEqual({ reps: def.defaults.reps ?? 10 });
  });

  it('reads times in the chosen units and never shows NaN', () => {
    expect(formatTime(22.4, 'minutes')).toBe('0:22');
    expect(formatTime(75, 'minutes')).toBe('1:15');
    expect(formatTime(75, 'seconds')).toBe('75 s');
    expect(formatTime(Number.NaN, 'minutes')).toBe('0:00');
    expect(counterText('hold', 22, { holdSec: 30 }, 'minutes')).toBe('0:22 / 0:30');
    expect(counterText('reps', 8, { reps: 10 }, 'minutes')).toBe('8 / 10');
  });

  it('a hold shows the time still to go, and nothing once it is met', () => {
    expect(holdLeftText(12, { holdSec: 20 }, 'minutes')).toBe('0:08 to go');
    expect(holdLeftText(12, { holdSec: 20 }, 'seconds')).toBe('8 s to go');
    expect(holdLeftText(20, { holdSec: 20 }, 'minutes')).toBeNull();
    expect(holdLeftText(3, { reps: 10 }, 'minutes')).toBeNull();
  });

  it('set-up words name the fix, and ask for the whole body only where the legs are needed', () => {
    expect(setupWords(EXERCISES.plank, 'wrong-view')).toMatch(/side-on/i);
    expect(setupWords(EXERCISES.plank, 'body-cut-off')).toMatch(/whole body/i);
    expect(setupWords(EXERCISES['ab-crunch'], 'body-cut-off')).toMatch(/upper body and hips/i);
    expect(setupWords(EXERCISES.plank, 'too-dark')).toMatch(/light/i);
    expect(setupWords(EXERCISES.plank, 'wrong-posture')).toBe(EXERCISES.plank.words.posture);
  });
});
