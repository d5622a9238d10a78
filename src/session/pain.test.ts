import { describe, expect, it } from 'vitest';
import { painAdvice, painChange, painText, painTrend } from './pain';

describe('pain over a session', () => {
  it('a rise of 2 or more: stop for today and tell the physiotherapist; a rise of 1: go gently; no rise: nothing', () => {
    expect(painAdvice(3, 5)).toMatch(
      /^Your pain went up by 2 points \(from 3 to 5\)\. Stop exercising for today, and tell your physiotherapist/,
    );
    expect(painAdvice(3, 4)).toMatch(/up by 1 point .*Take it gently/);
    expect(painAdvice(3, 4)).not.toMatch(/Stop exercising for today/);
    expect(painAdvice(5, 3)).toBeNull();
    expect(painAdvice(4, 4)).toBeNull();
    expect(painAdvice(null, 5)).toBeNull();
    expect(painChange(2, 4)?.stop).toBe(true);
    expect(painChange(2, 3)?.stop).toBe(false);
  });

  it('reads once per session in a list', () => {
    expect(painText(4, 6)).toBe('4 → 6, up 2: told to stop for today');
    expect(painText(4, 3)).toBe('4 → 3, down 1');
    expect(painText(4, null)).toBe('4 → not given');
    expect(painText(null, null)).toBe('not asked or not given');
  });

  it('the trend across sessions: first and last pain before, the mean change during a session, the rises', () => {
    const t = painTrend([
      { at: 1, before: 5, after: 5 },
      { at: 2, before: null, after: null },
      { at: 3, before: 4, after: 6 },
      { at: 4, before: 3, after: 2 },
    ]);
    expect(t.sessions).toBe(3);
    expect([t.firstBefore, t.lastBefore]).toEqual([5, 3]);
    expect(t.meanChange).toBe(0.3);
    expect(t.rises).toEqual([3]);
    expect(t.text).toBe(
      'Pain before exercising went from 5 to 3 over 3 sessions (down 2). On average pain went up by 0.3 during a session. Pain rose by 2 or more during 1 session.',
    );
    expect(painTrend([]).text).toBe('No pain answers in this period.');
  });
});
