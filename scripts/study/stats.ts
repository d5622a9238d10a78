// Statistics of the study: percentiles, a noise scale, the separation of two classes on one measure, and
// leave-one-source-out thresholds. Pure and deterministic.

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos),
    hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}
export const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/** One labelled window's values of one measure under one model. */
export interface Sample {
  source: string;
  clip: string;
  label: string;
  start: number;
  end: number;
  /** Frames in the window with a person found. */
  frames: number;
  /** The measure's value on each frame where it could be computed. */
  values: number[];
}

/** A two-class question: does the measure tell `positive` from `negative`? `dir` +1: positive reads higher. */
export interface Problem {
  id: string;
  negative: readonly string[];
  positive: readonly string[];
  dir: 1 | -1;
}

export interface Fit {
  /** Predict positive when dir × value > threshold × dir, i.e. on the positive side of it. */
  threshold: number;
  /** Balanced accuracy on the data it was fitted on (each source and class weighted equally). */
  balancedAccuracy: number;
}

/** Robust spread of one window: interquartile range / 1.349 (the SD of a normal). */
export const robustSd = (xs: readonly number[]): number => (quantile(xs, 0.75) - quantile(xs, 0.25)) / 1.349;

/** The measure's noise: the median over windows (≥ 5 values each) of their robust SD. */
export function noiseOf(samples: readonly Sample[]): number {
  const sds = samples.filter((s) => s.values.length >= 5).map((s) => robustSd(s.values));
  return sds.length ? median(sds) : NaN;
}

interface Weighted {
  s: number;
  pos: boolean;
  w: number;
}

/**
 * Each (source, class) pair weighs 1 in total, shared equally by its windows and then by their frames: a long
 * clip or a source with many windows does not outvote the others.
 */
function weighted(samples: readonly Sample[], p: Problem): Weighted[] {
  const groups = new Map<string, Sample[]>();
  for (const s of samples) {
    const pos = p.positive.includes(s.label);
    if (!pos && !p.negative.includes(s.label)) continue;
    if (s.values.length === 0) continue;
    const key = `${s.source}\u0000${pos}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const out: Weighted[] = [];
  for (const [key, list] of groups) {
    const pos = key.endsWith('true');
    for (const s of list) for (const v of s.values) out.push({ s: p.dir * v, pos, w: 1 / list.length / s.values.length });
  }
  return out;
}

/**
 * The threshold with the best balanced accuracy on these samples; among equally good ones, the middle of
 * the widest run. Returns null without both classes.
 */
export function fitThreshold(samples: readonly Sample[], p: Problem): Fit | null {
  const data = weighted(samples, p).sort((a, b) => a.s - b.s);
  const P = data.filter((d) => d.pos).reduce((t, d) => t + d.w, 0);
  const N = data.filter((d) => !d.pos).reduce((t, d) => t + d.w, 0);
  if (!(P > 0) || !(N > 0)) return null;
  // Threshold between data[i-1] and data[i]: values ≤ it are negative. negBelow/posBelow up to i.
  let negBelow = 0,
    posBelow = 0;
  let best = -1;
  let runs: { lo: number; hi: number }[] = [];
  for (let i = 0; i <= data.length; i++) {
    if (i > 0) {
      const d = data[i - 1]!;
      if (d.pos) posBelow += d.w;
      else negBelow += d.w;
    }
    if (i > 0 && i < data.length && data[i]!.s === data[i - 1]!.s) continue;
    const ba = 0.5 * (negBelow / N + (P - posBelow) / P);
    const lo = i === 0 ? data[0]!.s - 1 : data[i - 1]!.s;
    const hi = i === data.length ? data[data.length - 1]!.s + 1 : data[i]!.s;
    if (ba > best + 1e-12) {
      best = ba;
      runs = [{ lo, hi }];
    } else if (Math.abs(ba - best) <= 1e-12) runs.push({ lo, hi });
  }
  // Widest gap among the best cuts, then its middle.
  const r = runs.reduce((a, b) => (b.hi - b.lo > a.hi - a.lo ? b : a));
  return { threshold: (p.dir * (r.lo + r.hi)) / 2, balancedAccuracy: best };
}

/** Signed distance of a value beyond the threshold on its class's side (negative: wrong side). */
export const marginOf = (value: number, threshold: number, positive: boolean, dir: 1 | -1): number =>
  (positive ? 1 : -1) * dir * (value - threshold);

export interface Separation {
  /** 10th percentile of the positive class minus the 90th of the negative, on the positive side (units). */
  frameGap: number;
  /** Worst positive window median minus worst negative window median, on the positive side (units). */
  windowGap: number;
  noise: number;
}

export function separation(samples: readonly Sample[], p: Problem): Separation | null {
  const pos = samples.filter((s) => p.positive.includes(s.label) && s.values.length);
  const neg = samples.filter((s) => p.negative.includes(s.label) && s.values.length);
  if (!pos.length || !neg.length) return null;
  const sp = pos.flatMap((s) => s.values.map((v) => p.dir * v));
  const sn = neg.flatMap((s) => s.values.map((v) => p.dir * v));
  const wp = Math.min(...pos.map((s) => p.dir * median(s.values)));
  const wn = Math.max(...neg.map((s) => p.dir * median(s.values)));
  return { frameGap: quantile(sp, 0.1) - quantile(sn, 0.9), windowGap: wp - wn, noise: noiseOf([...pos, ...neg]) };
}

export interface LeftOut {
  source: string;
  /** null: the other sources lack one of the classes, so no threshold can be chosen without this one. */
  fit: Fit | null;
  /** Share of this source's frames on the right side of the threshold, per class present. */
  posAccuracy: number | null;
  negAccuracy: number | null;
  /** Each of this source's windows: its median's margin beyond the threshold (negative: wrong side). */
  windows: { clip: string; label: string; start: number; end: number; margin: number }[];
}

export interface LosoResult {
  perSource: LeftOut[];
  /** Mean over left-out sources of their per-class accuracies (classes weighted equally), where scorable. */
  balancedAccuracy: number;
  /** Left-out sources that could not be scored (no threshold without them). */
  unscorable: string[];
  /** Smallest window margin over all scored left-out windows (units), and how many windows fell on the wrong side. */
  worstMargin: number;
  wrongWindows: number;
  scoredWindows: number;
}

export function leaveOneSourceOut(samples: readonly Sample[], p: Problem): LosoResult {
  const inProblem = samples.filter((s) => (p.positive.includes(s.label) || p.negative.includes(s.label)) && s.values.length);
  const sources = [...new Set(inProblem.map((s) => s.source))].sort();
  const perSource: LeftOut[] = [];
  for (const src of sources) {
    const fit = fitThreshold(
      inProblem.filter((s) => s.source !== src),
      p,
    );
    const mine = inProblem.filter((s) => s.source === src);
    if (!fit) {
      perSource.push({ source: src, fit: null, posAccuracy: null, negAccuracy: null, windows: [] });
      continue;
    }
    const acc = (pos: boolean): number | null => {
      const vals = mine.filter((s) => p.positive.includes(s.label) === pos).flatMap((s) => s.values);
      if (!vals.length) return null;
      return vals.filter((v) => marginOf(v, fit.threshold, pos, p.dir) > 0).length / vals.length;
    };
    perSource.push({
      source: src,
      fit,
      posAccuracy: acc(true),
      negAccuracy: acc(false),
      windows: mine.map((s) => ({
        clip: s.clip,
        label: s.label,
        start: s.start,
        end: s.end,
        margin: marginOf(median(s.values), fit.threshold, p.positive.includes(s.label), p.dir),
      })),
    });
  }
  const scored = perSource.filter((r) => r.fit);
  const posAcc = scored.map((r) => r.posAccuracy).filter((x): x is number => x !== null);
  const negAcc = scored.map((r) => r.negAccuracy).filter((x): x is number => x !== null);
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const margins = scored.flatMap((r) => r.windows.map((w) => w.margin));
  return {
    perSource,
    balancedAccuracy: 0.5 * (avg(posAcc) + avg(negAcc)),
    unscorable: perSource.filter((r) => !r.fit).map((r) => r.source),
    worstMargin: margins.length ? Math.min(...margins) : NaN,
    wrongWindows: margins.filter((m) => m <= 0).length,
    scoredWindows: margins.length,
  };
}

export interface EdgeResult {
  /** Per left-out source: the threshold from the other sources' negative windows, and each of its windows' margin. */
  perSource: {
    source: string;
    threshold: number;
    windows: { clip: string; label: string; start: number; end: number; margin: number; share: number }[];
  }[];
  /** Smallest margin of a left-out negative (good / rest) window's median, and of a positive (fault / peak) one. */
  worstNegative: number;
  worstPositive: number;
  /** Windows on the wrong side, out of those scored, per class. */
  wrongNegative: number;
  scoredNegative: number;
  wrongPositive: number;
  scoredPositive: number;
  /** Share of left-out frames on the right side, per class (each window weighted by its frames). */
  negativeFrames: number;
  positiveFrames: number;
}

/**
 * Leave-one-source-out with a threshold taken from the normal class alone: the most extreme 90th percentile
 * (on the fault side) of any normal window of the *other* sources, i.e. "beyond anything a good plank did
 * from any other camera". It needs no fault example outside the left-out source, so the one source with a
 * piked plank can be scored too. Margins are of window medians.
 */
export function leaveOneSourceOutEdge(samples: readonly Sample[], p: Problem): EdgeResult {
  const inP = samples.filter((s) => (p.positive.includes(s.label) || p.negative.includes(s.label)) && s.values.length);
  const sources = [...new Set(inP.map((s) => s.source))].sort();
  const perSource: EdgeResult['perSource'] = [];
  for (const src of sources) {
    const normals = inP.filter((s) => s.source !== src && p.negative.includes(s.label));
    if (!normals.length) continue;
    const edge = Math.max(
      ...normals.map((s) =>
        quantile(
          s.values.map((v) => p.dir * v),
          0.9,
        ),
      ),
    );
    const threshold = p.dir * edge;
    perSource.push({
      source: src,
      threshold,
      windows: inP
        .filter((s) => s.source === src)
        .map((s) => {
          const pos = p.positive.includes(s.label);
          return {
            clip: s.clip,
            label: s.label,
            start: s.start,
            end: s.end,
            margin: marginOf(median(s.values), threshold, pos, p.dir),
            share: s.values.filter((v) => marginOf(v, threshold, pos, p.dir) > 0).length / s.values.length,
          };
        }),
    });
  }
  const all = perSource.flatMap((r) => r.windows.map((w) => ({ ...w, pos: p.positive.includes(w.label) })));
  const neg = all.filter((w) => !w.pos),
    pos = all.filter((w) => w.pos);
  const framesOk = (ws: typeof all) => {
    const n = inP.filter((s) => ws.some((w) => w.clip === s.clip && w.start === s.start)).reduce((t, s) => t + s.values.length, 0);
    const ok = ws.reduce((t, w) => t + w.share * (inP.find((s) => s.clip === w.clip && s.start === w.start)?.values.length ?? 0), 0);
    return n ? ok / n : NaN;
  };
  return {
    perSource,
    worstNegative: neg.length ? Math.min(...neg.map((w) => w.margin)) : NaN,
    worstPositive: pos.length ? Math.min(...pos.map((w) => w.margin)) : NaN,
    wrongNegative: neg.filter((w) => w.margin <= 0).length,
    scoredNegative: neg.length,
    wrongPositive: pos.filter((w) => w.margin <= 0).length,
    scoredPositive: pos.length,
    negativeFrames: framesOk(neg),
    positiveFrames: framesOk(pos),
  };
}
