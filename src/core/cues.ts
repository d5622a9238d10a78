// Which single cue is on screen: by priority (safety > set-up > the worst current fault > praise and
// information), kept up for a minimum time so it never flickers, and not repeated within a cooldown
// so it never nags. All time comes from frame timestamps.

import type { Cue, CueAbout, CueKind } from './events';

export type { Cue, CueAbout, CueKind } from './events';

/** The stable key of a cue, made from what it is about (made here, once; never read back). */
function cueId(c: CueAbout): string {
  switch (c.about) {
    case 'setup':
      return `setup:${c.issue}${c.why !== null ? `:${c.why}` : ''}`;
    case 'fault':
      return `fault:${c.faultId}`;
    case 'guide':
      return `guide:${c.guide}`;
    case 'praise':
      return `praise:${c.counted}-${c.n}`;
    case 'target':
      return `info:target-${c.target}`;
  }
}

const DEFAULT_KIND = { setup: 'setup', fault: 'fault', guide: 'setup', praise: 'praise', target: 'info' } as const satisfies Record<
  CueAbout['about'],
  CueKind
>;

/** A cue about `c`, of its usual priority class unless given (a safety fault). */
export function cueOf(c: CueAbout, kind: CueKind = DEFAULT_KIND[c.about]): Cue {
  return { ...c, id: cueId(c), kind };
}

const RANK: Record<CueKind, number> = { safety: 4, setup: 3, fault: 2, praise: 1, info: 1 };

/** A cue stays at least this long (ms) unless a higher-priority one arrives. */
export const CUE_MIN_MS = 2500;
/** The same cue is not shown again within this long after it went away (ms). */
export const CUE_COOLDOWN_MS = 8000;
/** Praise and information fade after this long (ms); faults and set-up stay while they hold. */
export const CUE_TRANSIENT_MS = 3000;

export class CueManager {
  current: Cue | null = null;
  private shownAt = 0;
  private readonly lastGone = new Map<string, number>();

  /**
   * `candidates`: what could be said now, any order (the first of equal rank wins). `oneShot`: a
   * praise/info cue raised by an event this frame. Returns the cue newly shown this frame, if any.
   */
  update(t: number, candidates: readonly Cue[], oneShot: Cue | null): Cue | null {
    const cur = this.current;
    let best: Cue | null = null;
    for (let i = 0; i <= candidates.length; i++) {
      const c = i < candidates.length ? candidates[i] : oneShot;
      if (!c) continue;
      const gone = this.lastGone.get(c.id);
      const cooling = c.id !== cur?.id && c.kind !== 'safety' && gone !== undefined && t - gone < CUE_COOLDOWN_MS;
      if (!cooling && (best === null || RANK[c.kind] > RANK[best.kind])) best = c;
    }
    if (cur !== null) {
      const curTrue =
        cur.kind === 'praise' || cur.kind === 'info' ? t - this.shownAt < CUE_TRANSIENT_MS : candidates.some((c) => c.id === cur.id);
      const outranked = best !== null && RANK[best.kind] > RANK[cur.kind];
      if ((t - this.shownAt < CUE_MIN_MS || curTrue) && !outranked) return null;
      if (best !== null && best.id === cur.id) return null;
      this.lastGone.set(cur.id, t);
      this.current = null;
    }
    if (best === null) return null;
    this.current = best;
    this.shownAt = t;
    return best;
  }

  reset(): void {
    this.current = null;
    this.lastGone.clear();
  }
}
