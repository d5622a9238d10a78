// The words module: every id the core can emit has words, and the words are the project's own sentences.
import { describe, expect, it } from 'vitest';
import { EXERCISES, EXERCISE_IDS } from '../core/exercises';
import type { SetupIssue } from '../core/engine';
import { COACH_WORDS, cueText, faultText, guideText, setupText, setupWords } from './coachWords';

const ISSUES: SetupIssue[] = ['no-person', 'body-cut-off', 'wrong-view', 'wrong-posture', 'too-dark'];
/** Words a patient sees: a sentence, no ids (no colon, no kebab-case id). */
const plain = (s: string) => s.length > 5 && !/[:_]|\b[a-z]+-[a-z]+-?[a-z]*\b/.test(s.replace(/side-on/g, ''));

describe('coach words', () => {
  it('every exercise: each declared fault has words, and it declares every fault it has words for', () => {
    for (const id of EXERCISE_IDS) {
      const d = EXERCISES[id];
      expect(Object.keys(d.words.faults).sort(), id).toEqual([...d.faultIds].sort());
      for (const f of d.faultIds) expect(plain(faultText(id, f)), `${id} ${f}: ${faultText(id, f)}`).toBe(true);
    }
  });

  it('every exercise: every set-up issue has a line, and a rep exercise has its start and further lines', () => {
    for (const id of EXERCISE_IDS) {
      for (const i of ISSUES) {
        expect(plain(setupText(id, i)), `${id} ${i}`).toBe(true);
        expect(plain(setupWords(EXERCISES[id], i)), `${id} ${i}`).toBe(true);
      }
      if (EXERCISES[id].counter.shape.mode === 'reps') {
        expect(guideText(id, `${id}.start`), id).not.toBeNull();
        expect(guideText(id, `${id}.further`), id).not.toBeNull();
      }
      for (const [k, v] of Object.entries(EXERCISES[id].words.guide ?? {})) {
        expect(k.startsWith(`${id}.`), k).toBe(true);
        expect(plain(v), `${k}: ${v}`).toBe(true);
      }
    }
  });

  it('words the cue ids the engine emits, with their numbers', () => {
    expect(cueText('plank', { about: 'setup', issue: 'wrong-view', why: null })).toBe('Turn side-on to the camera');
    expect(cueText('side-bend', { about: 'setup', issue: 'wrong-view', why: null })).toBe('Face the camera');
    expect(cueText('plank', { about: 'setup', issue: 'wrong-posture', why: 'plank.kneeling' })).toBe('Lift your knees off the floor');
    expect(cueText('plank', { about: 'setup', issue: 'wrong-posture', why: null })).toBe('Get onto your forearms and toes');
    expect(cueText('bench-press', { about: 'setup', issue: 'body-cut-off', why: 'light' })).toBe(
      'More light, please: I cannot see you clearly',
    );
    expect(cueText('plank', { about: 'fault', faultId: 'hips-sagging' })).toBe('Lift your hips into line');
    expect(cueText('ab-crunch', { about: 'guide', guide: 'ab-crunch.further' })).toBe('Curl up a little higher');
    expect(cueText('plank', { about: 'guide', guide: 'hold.start' })).toBe('Get into position and hold still');
    expect(cueText('ab-crunch', { about: 'target', target: 'reps', reps: 10 })).toBe("That's 10. Set done");
    expect(cueText('ab-crunch', { about: 'praise', counted: 'reps', n: 3 })).toBe('Good reps, keep that control');
    expect(cueText('plank', { about: 'praise', counted: 'hold', n: 10 })).toBe('Steady, keep breathing');
    expect(cueText('side-bend', { about: 'target', target: 'left' })).toBe('Time. Now the other side');
    expect(cueText('plank', { about: 'target', target: 'hold' })).toBe('Time. Well held');
    expect(COACH_WORDS.fault('bicycle', 'no-contact')).toBe('Turn so your elbow meets the opposite knee');
  });

  it('the live screens ask for the head to the hips where the exercise needs no legs', () => {
    expect(setupWords(EXERCISES['bench-press'], 'body-cut-off')).toBe('Move back so your upper body and hips are in view');
    expect(setupWords(EXERCISES.plank, 'body-cut-off')).toBe('Move back so your whole body is in view');
  });
});
