// Which single cue is on screen: by priority (safety > set-up > the worst current fault > praise and
// information), kept up for a minimum time so it never flickers, and not repeated within a cooldown
// so it never nags. All time comes from frame timestamps.

export type CueKind = 'safety' | 'setup' | 'fault' | 'praise' | 'info';

export interface Cue {
  readonly id: string;
  readonly text: string;
  readonly kind: CueKind;
}

const RANK: Record<CueKind, number> = { safety: 4, setup: 3, fault: 2, praise: 1, info: 1 };

/** A cue stays at least this long (ms) unless a higher-priority one arrives. */
export const CUE_MIN_MS = 2500;
/** The same cue is not shown again within this long after it went away (ms). */
export const CUE_COOLDOWN_MS = 8000;
/** Praise and information fade after this long (ms); faults and set-up stay while they hold. */
export const CUE_TRANSIENT_MS = 3000;

export const SETUP_TEXT: Record<string, string> = {
  'no-person': 'Step into the camera view',
  'body-cut-off': 'Move back so your whole body is in view',
  'wrong-view-side': 'Turn side-on to the camera',
  'wrong-view-front': 'Face the camera',
  'too-dark': 'Turn on more light',
};

/**
 * The coach's own words for everything issue 11 added: why nothing is being counted and what to change,
 * keyed by id. One table, so that the words can move out of the core in one piece. A cue built from it has
 * the id `guide:<key>`.
 */
export const COACH_TEXT: Record<string, string> = {
  // The picture.
  'light': 'More light, please: I cannot see you clearly',
  // Plank: what is missing from the position.
  'plank.kneeling': 'Lift your knees off the floor',
  'plank.hips-down': 'Tuck your toes and lift your hips off the floor',
  'plank.not-prone': 'Get onto your forearms and toes',
  // Prone press-up.
  'prone-press-up.push': 'Push up until your arms are straight',
  'prone-press-up.higher': 'Push your chest up higher',
  'prone-press-up.still': 'Hold still at the top',
  'prone-press-up.lie-down': 'Lie face down, hands under your shoulders',
  // Hamstring stretch.
  'hamstring-stretch.sit': 'Sit down, with one leg straight out in front',
  'hamstring-stretch.straighten': 'Straighten your front leg',
  'hamstring-stretch.lean': 'Lean forward from your hips',
  'hamstring-stretch.reach': 'Reach toward your toes',
  'hamstring-stretch.still': 'Hold still in the stretch',
  // Rotation stretch.
  'rotation-stretch.turn': 'Turn your shoulders to one side',
  'rotation-stretch.still': 'Hold the turn still',
  'rotation-stretch.head': 'Let your head turn with your shoulders',
  // Side bend.
  'side-bend.arms': 'Clasp your hands and reach overhead',
  'side-bend.bend': 'Bend your upper body to one side',
  // Rep exercises: how to start a rep, and how to finish one that stops short.
  'ab-crunch.start': 'Curl your head and shoulders up off the floor',
  'ab-crunch.further': 'Curl up a little higher',
  'ball-crunch.start': 'Curl up off the ball and hold the top',
  'ball-crunch.further': 'Curl up a little higher',
  'bicycle.start': 'Bring one knee in toward the opposite elbow',
  'bicycle.further': 'Draw the knee right in',
  'bench-press.start': 'Press both arms straight up',
  'bench-press.further': 'Press all the way up',
  'reverse-fly.start': 'Open your arms out to shoulder height',
  'reverse-fly.further': 'Lift to shoulder height',
  'dumbbell-row.start': 'Pull your elbow back past your body',
  'dumbbell-row.further': 'Pull your elbow further back',
  // Fallback for a hold whose exercise gives no reason.
  'hold.start': 'Get into position and hold still',
};

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
      const curTrue = cur.kind === 'praise' || cur.kind === 'info'
        ? t - this.shownAt < CUE_TRANSIENT_MS
        : candidates.some((c) => c.id === cur.id);
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
