import { describe, expect, it } from 'vitest';
import { Speaker } from './voice';
import type { SynthLike } from './voice';

/** A stand-in synthesizer that records what it was asked to say and lets the test end utterances. */
function fakeSynth() {
  const spoken: string[] = [];
  const live: { text: string; onend: (() => void) | null }[] = [];
  const synth: SynthLike = {
    speak: (u) => {
      spoken.push(u.text);
      live.push(u as unknown as { text: string; onend: (() => void) | null });
    },
    cancel: () => {
      live.length = 0;
    },
    getVoices: () => [],
  };
  const endCurrent = () => {
    const u = live.shift();
    u?.onend?.();
  };
  return { synth, spoken, endCurrent };
}

function makeSpeaker(synth: SynthLike | null) {
  const timers: (() => void)[] = [];
  const s = new Speaker({
    synth,
    makeUtterance: (text) => ({ text, onend: null, onerror: null }) as unknown as SpeechSynthesisUtterance,
    setTimer: (fn) => {
      timers.push(fn);
      return timers.length - 1;
    },
    clearTimer: () => {},
  });
  return { s, timers };
}

describe('Speaker', () => {
  it('never speaks over itself: a cue waits until the current one ends', () => {
    const f = fakeSynth();
    const { s } = makeSpeaker(f.synth);
    s.say('Lift your hips');
    s.say('Keep your neck long');
    expect(f.spoken).toEqual(['Lift your hips']);
    f.endCurrent();
    expect(f.spoken).toEqual(['Lift your hips', 'Keep your neck long']);
  });

  it('a newer cue replaces the one waiting', () => {
    const f = fakeSynth();
    const { s } = makeSpeaker(f.synth);
    s.say('one');
    s.say('two');
    s.say('three');
    f.endCurrent();
    f.endCurrent();
    expect(f.spoken).toEqual(['one', 'three']);
    expect(s.state).toEqual({ speaking: null, queued: null });
  });

  it('a stuck utterance is given up after its timeout, and the queue moves on', () => {
    const f = fakeSynth();
    const { s, timers } = makeSpeaker(f.synth);
    s.say('first');
    s.say('second');
    timers[0]!();
    expect(f.spoken).toEqual(['first', 'second']);
  });

  it('muted or without speechSynthesis it stays silent and does not throw', () => {
    const f = fakeSynth();
    const { s } = makeSpeaker(f.synth);
    s.enabled = false;
    s.say('quiet');
    expect(f.spoken).toEqual([]);
    const none = makeSpeaker(null).s;
    expect(none.available).toBe(false);
    expect(() => none.say('hello')).not.toThrow();
    expect(none.voices()).toEqual([]);
  });

  it('cancel drops the waiting cue', () => {
    const f = fakeSynth();
    const { s } = makeSpeaker(f.synth);
    s.say('a');
    s.say('b');
    s.cancel();
    f.endCurrent();
    s.say('c');
    expect(f.spoken).toEqual(['a', 'c']);
  });
});
