// Cues: one at a time by priority, a minimum time on screen (no flicker), a cooldown before the same
// cue comes back (no nagging), praise fading on its own, and safety overriding everything at once.
import { describe, expect, it } from 'vitest';
import { CUE_COOLDOWN_MS, CUE_MIN_MS, CUE_TRANSIENT_MS, CueManager, cueOf, type Cue } from './cues';

const fault = (id: string): Cue => cueOf({ about: 'fault', faultId: id });
const setup: Cue = cueOf({ about: 'setup', issue: 'no-person', why: null });
const safety: Cue = cueOf({ about: 'fault', faultId: 'hips-lifted' }, 'safety');
const praise: Cue = cueOf({ about: 'praise', counted: 'reps', n: 3 });

describe('CueManager', () => {
  it('shows the highest-priority candidate: set-up over a fault, safety over set-up', () => {
    const m = new CueManager();
    expect(m.update(0, [fault('a'), setup], null)?.id).toBe(setup.id);
    expect(m.update(100, [fault('a'), setup, safety], null)?.id).toBe(safety.id); // outranks at once
  });

  it('keeps a cue up for the minimum time even when its cause flickers away', () => {
    const m = new CueManager();
    m.update(0, [fault('a')], null);
    expect(m.update(300, [], null)).toBeNull();
    expect(m.current?.id).toBe('fault:a');
    // A different fault of the same rank does not replace it inside the minimum time.
    m.update(CUE_MIN_MS - 100, [fault('b')], null);
    expect(m.current?.id).toBe('fault:a');
    m.update(CUE_MIN_MS + 100, [fault('b')], null);
    expect(m.current?.id).toBe('fault:b');
  });

  it('stays while its fault is still true, past the minimum time', () => {
    const m = new CueManager();
    for (let t = 0; t <= 2 * CUE_MIN_MS; t += 100) m.update(t, [fault('a')], null);
    expect(m.current?.id).toBe('fault:a');
  });

  it('does not bring the same cue back within the cooldown, then does', () => {
    const m = new CueManager();
    m.update(0, [fault('a')], null);
    m.update(CUE_MIN_MS, [], null); // gone at CUE_MIN_MS
    expect(m.current).toBeNull();
    expect(m.update(CUE_MIN_MS + 1000, [fault('a')], null)).toBeNull();
    expect(m.update(CUE_MIN_MS + CUE_COOLDOWN_MS + 1, [fault('a')], null)?.id).toBe('fault:a');
  });

  it('safety cues ignore the cooldown', () => {
    const m = new CueManager();
    m.update(0, [safety], null);
    m.update(CUE_MIN_MS, [], null);
    expect(m.update(CUE_MIN_MS + 100, [safety], null)?.id).toBe(safety.id);
  });

  it('praise is a one-shot that fades after its time and never hides a fault', () => {
    const m = new CueManager();
    expect(m.update(0, [], praise)?.id).toBe(praise.id);
    expect(m.update(CUE_TRANSIENT_MS - 100, [], null)).toBeNull();
    expect(m.current?.id).toBe(praise.id);
    m.update(CUE_TRANSIENT_MS + 100, [], null);
    expect(m.current).toBeNull();
    const n = new CueManager();
    n.update(0, [], praise);
    expect(n.update(100, [fault('a')], null)?.id).toBe('fault:a');
  });
});

describe('cueOf', () => {
  it("makes each cue's id from what it is about, and its usual priority class", () => {
    expect(cueOf({ about: 'setup', issue: 'wrong-posture', why: 'plank.kneeling' })).toMatchObject({
      id: 'setup:wrong-posture:plank.kneeling',
      kind: 'setup',
    });
    expect(cueOf({ about: 'guide', guide: 'light' })).toMatchObject({ id: 'guide:light', kind: 'setup' });
    expect(cueOf({ about: 'praise', counted: 'hold', n: 20 })).toMatchObject({ id: 'praise:hold-20', kind: 'praise' });
    expect(cueOf({ about: 'target', target: 'left' })).toMatchObject({ id: 'info:target-left', kind: 'info' });
    expect(cueOf({ about: 'target', target: 'reps', reps: 10 })).toMatchObject({ id: 'info:target-reps', kind: 'info', reps: 10 });
    expect(cueOf({ about: 'fault', faultId: 'hips-lifted' }, 'safety')).toMatchObject({ id: 'fault:hips-lifted', kind: 'safety' });
  });
});
