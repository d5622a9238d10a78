import { describe, expect, it } from 'vitest';
import type { MeasuredSpeeds } from './modelSpeed';
import {
  CHANGE,
  MIN_FRAMES,
  SLOW_FPS,
  engineText,
  noteSpeed,
  parseSpeeds,
  speedAdvice,
  speedAdviceText,
  speedFor,
  speedShort,
  speedText,
} from './modelSpeed';

// Model times as the frame loop keeps them: 30 recent calls of MoveNet Thunder on wasm on this 2-core machine
// (the bench measured a 174 ms median in the app), with one slow outlier.
const thunderMs = [...Array.from({ length: 29 }, (_, i) => 165 + (i % 10)), 420];

describe('noteSpeed', () => {
  it('keeps nothing until the model has run a whole window of calls', () => {
    const none: MeasuredSpeeds = {};
    expect(noteSpeed(none, 'movenet-thunder', 'wasm', thunderMs, MIN_FRAMES - 1, 1)).toBe(none);
    expect(noteSpeed(none, 'movenet-thunder', 'wasm', [], 100, 1)).toBe(none);
  });

  it('keeps the median of the recent calls, per model and engine', () => {
    const s = noteSpeed({}, 'movenet-thunder', 'wasm', thunderMs, 40, 1000);
    expect(s['movenet-thunder@wasm']).toEqual({ ms: 170, backend: 'wasm', at: 1000 });
    const both = noteSpeed(s, 'movenet-thunder', 'cpu', [1800, 1750, 1770], 40, 2000);
    expect(Object.keys(both).sort()).toEqual(['movenet-thunder@cpu', 'movenet-thunder@wasm']);
  });

  it('replaces a kept figure only when it moved by more than the change threshold', () => {
    const s = noteSpeed({}, 'movenet-lightning', 'wasm', [50], 40, 1);
    expect(noteSpeed(s, 'movenet-lightning', 'wasm', [50 * (1 + CHANGE * 0.9)], 80, 2)).toBe(s);
    expect(noteSpeed(s, 'movenet-lightning', 'wasm', [60], 80, 3)['movenet-lightning@wasm']?.ms).toBe(60);
  });
});

describe('what Settings says', () => {
  const speeds: MeasuredSpeeds = {
    'movenet-thunder@wasm': { ms: 174, backend: 'wasm', at: 10 },
    'movenet-thunder@cpu': { ms: 1770, backend: 'cpu', at: 20 },
    'movenet-lightning@wasm': { ms: 52.8, backend: 'wasm', at: 5 },
  };

  it('states the figure measured here, rounded, and how many pictures a second that allows', () => {
    const m = speedFor(speeds, 'movenet-thunder', 'wasm');
    expect(speedText(m, 'wasm')).toBe(
      'Measured on this device: about 170 ms to read each camera picture, so at most about 5 pictures a second.',
    );
    expect(speedShort(speedFor(speeds, 'movenet-lightning', 'wasm'))).toBe('about 55 ms a picture here');
  });

  it('says when the figure came from another engine setting (the latest one measured)', () => {
    const m = speedFor(speeds, 'movenet-thunder', 'webgl');
    expect(m?.backend).toBe('cpu');
    expect(speedText(m, 'webgl')).toMatch(/^Measured on this device with another engine setting: about 1770 ms/);
  });

  it('makes no speed claim for a model never measured here', () => {
    expect(speedFor(speeds, 'blazepose-full', 'wasm')).toBeUndefined();
    expect(speedShort(undefined)).toBe('');
    const text = speedText(undefined, 'wasm');
    expect(text).not.toMatch(/\d/);
    expect(text).toMatch(/not known yet/);
  });
});

describe('parseSpeeds', () => {
  it('reads back what was stored and drops anything malformed', () => {
    const stored = JSON.parse(
      JSON.stringify({
        'movenet-thunder@wasm': { ms: 174, backend: 'wasm', at: 10 },
        'movenet-thunder@gpu': { ms: 1, backend: 'gpu', at: 1 },
        'nope@wasm': { ms: 1, backend: 'wasm', at: 1 },
        'movenet-lightning@wasm': { ms: -3, backend: 'wasm', at: 1 },
        'blazepose-lite@cpu': { ms: 400, backend: 'wasm', at: 1 },
      }),
    );
    expect(parseSpeeds(stored)).toEqual({ 'movenet-thunder@wasm': { ms: 174, backend: 'wasm', at: 10 } });
    expect(parseSpeeds(null)).toEqual({});
    expect(parseSpeeds('x')).toEqual({});
  });
});

describe('threads in what Settings says', () => {
  it('keeps the thread count with the figure, and a new count replaces the old figure', () => {
    const one = noteSpeed({}, 'movenet-thunder', 'wasm', [90], 40, 1);
    expect(one['movenet-thunder@wasm']).toEqual({ ms: 90, backend: 'wasm', at: 1 });
    // 85 ms is within the change threshold of 90, but on 2 threads it is another setting: kept.
    const two = noteSpeed(one, 'movenet-thunder', 'wasm', [85], 80, 2, 2);
    expect(two['movenet-thunder@wasm']).toEqual({ ms: 85, backend: 'wasm', at: 2, threads: 2 });
    expect(speedText(two['movenet-thunder@wasm'], 'wasm')).toBe(
      'Measured on this device: about 85 ms to read each camera picture on 2 threads, so at most about 11 pictures a second.',
    );
    expect(parseSpeeds(JSON.parse(JSON.stringify(two)))).toEqual(two);
  });

  it('says which engine runs, on how many threads, and why only one', () => {
    const wasm = { active: 'wasm' as const, renderer: null, simd: true };
    expect(engineText({ ...wasm, threads: { count: 2, why: 'threads' } })).toBe('Running on wasm with SIMD, on 2 threads.');
    expect(engineText({ ...wasm, threads: { count: 1, why: 'not-isolated' } })).toBe(
      'Running on wasm with SIMD, on one thread: this page was served without the isolation headers that let it share memory between threads.',
    );
    expect(engineText({ ...wasm, threads: { count: 1, why: 'start-failed', detail: 'timeout' } })).toMatch(
      /one thread: the faster multi-threaded start did not finish in time/,
    );
    expect(engineText({ active: 'webgl', renderer: 'x', simd: false, threads: { count: 1, why: 'not-wasm' } })).toBe('Running on webgl.');
  });
});

describe('the slow-computer advice', () => {
  // Thunder's recent calls at about 10 pictures a second, with the slow first call still in the window.
  const slow = [900, ...Array.from({ length: 29 }, (_, i) => 95 + (i % 5))];
  const fast = Array.from({ length: 30 }, () => 50);

  it('offers the faster model when the default reads under 12 pictures a second once a whole window is in', () => {
    const a = speedAdvice('movenet-thunder', slow, MIN_FRAMES, 'blazepose-full', 'movenet-thunder');
    expect(a).toEqual({ model: 'movenet-thunder', fps: 1000 / 97, faster: 'blazepose-full' });
    expect(speedAdviceText(a!, 'Best', 'Faster')).toBe(
      'Best reads only 10 pictures a second on this computer, so quick moves can slip past. Faster keeps up but checks form less closely.',
    );
  });

  it('says nothing before a whole window, when fast enough, for another model, or with nothing faster', () => {
    expect(speedAdvice('movenet-thunder', slow, MIN_FRAMES - 1, 'blazepose-full', 'movenet-thunder')).toBeNull();
    expect(speedAdvice('movenet-thunder', fast, MIN_FRAMES, 'blazepose-full', 'movenet-thunder')).toBeNull();
    // The faster model itself, or one chosen under Advanced, is never questioned.
    expect(speedAdvice('blazepose-full', slow, MIN_FRAMES, 'blazepose-full', 'movenet-thunder')).toBeNull();
    expect(speedAdvice('blazepose-lite', slow, MIN_FRAMES, 'blazepose-full', 'movenet-thunder')).toBeNull();
    expect(speedAdvice('movenet-thunder', slow, MIN_FRAMES, 'movenet-thunder', 'movenet-thunder')).toBeNull();
  });

  it('draws the line at 12 pictures a second', () => {
    const at = (ms: number) => speedAdvice('movenet-thunder', Array(MIN_FRAMES).fill(ms), MIN_FRAMES, 'blazepose-full', 'movenet-thunder');
    expect(at(1000 / SLOW_FPS)).toBeNull();
    expect(at(1000 / SLOW_FPS + 1)?.fps).toBeCloseTo(1000 / (1000 / SLOW_FPS + 1));
    expect(speedAdviceText(at(900)!, 'Best', 'Faster')).toMatch(/^Best reads only 1 picture a second on this computer/);
  });
});
