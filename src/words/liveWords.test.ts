// The live coach's words: every phrase the set flow can hold is worded in plain sentences for every
// exercise, and the flow itself holds no words (ids only, worded once at the edge).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SetupIssue } from '../core/engine';
import { EXERCISE_IDS, EXERCISES } from '../core/exercises';
import type { Phrase } from './liveWords';
import { NEEDS, needLabel, phraseKey, phraseText, phraseTone, viewNeeded } from './liveWords';

const ISSUES: SetupIssue[] = ['no-person', 'body-cut-off', 'wrong-view', 'wrong-posture', 'too-dark'];
/** A sentence a person reads: no ids (no colon-joined or kebab-case words), no empty text. */
const plain = (s: string) => s.length > 0 && !/\b[a-z]+:[a-z]|\b[a-z]+-[a-z]+-?[a-z]*\b/.test(s.replace(/side-on|press-up/gi, ''));

function phrases(id: (typeof EXERCISE_IDS)[number]): Phrase[] {
  const def = EXERCISES[id];
  return [
    { k: 'looking' },
    { k: 'ready' },
    { k: 'go' },
    { k: 'user-paused' },
    { k: 'camera-lost' },
    { k: 'carry-on' },
    { k: 'set-complete', well: true },
    { k: 'set-complete', well: false },
    { k: 'rest', next: id },
    { k: 'rest', next: null },
    { k: 'count', n: 3 },
    { k: 'count', n: 7, side: 'left' },
    ...ISSUES.map((issue): Phrase => ({ k: 'setup', issue })),
    ...(['user', 'hidden', 'camera'] as const).map((reason): Phrase => ({ k: 'paused', reason })),
    ...ISSUES.map((issue): Phrase => ({ k: 'paused', reason: 'setup', issue })),
    ...def.faultIds.map((faultId): Phrase => ({ k: 'fault', faultId })),
    { k: 'idle', mode: 'reps', total: 0, holding: false, sides: null },
    { k: 'idle', mode: 'reps', total: 13, holding: false, sides: { left: 6, right: 7 } },
    { k: 'idle', mode: 'hold', total: 4, holding: true, sides: null },
  ];
}

describe('live words', () => {
  it('every phrase of every exercise is a plain sentence, with a key and a tone', () => {
    for (const id of EXERCISE_IDS) {
      for (const p of phrases(id)) {
        const text = phraseText(id, p);
        expect(plain(text), `${id} ${JSON.stringify(p)}: ${text}`).toBe(true);
        expect(phraseKey(p).length).toBeGreaterThan(0);
        expect(phraseTone(p)).toMatch(/^(setup|paused|fault|praise|info|safety|plain)$/);
      }
      for (const n of NEEDS) expect(plain(needLabel(EXERCISES[id], n))).toBe(true);
      expect(plain(viewNeeded(EXERCISES[id]))).toBe(true);
    }
  });

  it('a count names its side ("Left 7"); a per-side total names both sides', () => {
    expect(phraseText('bicycle', { k: 'count', n: 7, side: 'left' })).toBe('Left 7');
    expect(phraseText('bicycle', { k: 'idle', mode: 'reps', total: 13, holding: false, sides: { left: 6, right: 7 } })).toBe(
      'Left 6, right 7. Keep going.',
    );
  });

  it('red is only for a fault: a set-up line, a pause and the idle line are not', () => {
    expect(phraseTone({ k: 'fault', faultId: 'hips-high' })).toBe('fault');
    expect(phraseTone({ k: 'setup', issue: 'no-person' })).toBe('setup');
    expect(phraseTone({ k: 'paused', reason: 'setup', issue: 'no-person' })).toBe('paused');
    expect(phraseTone({ k: 'idle', mode: 'hold', total: 3, holding: true, sides: null })).toBe('plain');
  });

  it('the set flow holds no words: no sentence in src/app/live/setFlow.ts', () => {
    const src = readFileSync(resolve(__dirname, '../app/live/setFlow.ts'), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    const sentences = [...src.matchAll(/'([^'\n]*)'|`([^`\n]*)`/g)]
      .map((m) => m[1] ?? m[2] ?? '')
      .filter((t) => /^[A-Z][a-z]+ [a-z]/.test(t));
    expect(sentences).toEqual([]);
  });
});
