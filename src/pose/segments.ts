// How a recording is cut for analysis on several threads (issue 19 item 3): into segments from its length alone,
// each after the first starting on a freshly reset model a little early, so that one thread running them in turn
// and N threads running blocks of them side by side compute the very same keypoints. Why segments rather than
// ranges with an overlap: scripts/lib/parallelRecord.ts (the Node side). Pure: the browser's analyser
// (src/app/analyze/analyzeVideo.ts) and the Node recorder both plan with it.
/** Seconds of video a segment after the first runs through the freshly reset model before its first kept frame. */
export const WARMUP_SEC = 0.5;
/** Fewest frames in a segment: shorter ones would pay their warm-up too often. */
export const MIN_SEGMENT_FRAMES = 60;
/** Most segments a video is cut into: enough to share among up to 8 threads, few enough to keep warm-ups cheap. */
export const MAX_SEGMENTS = 8;
/** Most worker threads, whatever the machine: each holds its own model (Thunder: about 60 MB of memory). */
export const MAX_WORKERS = 8;

/** A segment: frames `keep` … `end - 1` (end null: to the end of the video), the model reset `warm` frames before. */
export interface Segment {
  keep: number;
  end: number | null;
  warm: number;
}

/**
 * The segments of a video of about `total` sampled frames at `fps`: at most MAX_SEGMENTS of equal length, none
 * shorter than MIN_SEGMENT_FRAMES; the last runs to the real end (the count comes from the duration). Depends on
 * the video alone, never on the number of threads.
 */
export function planSegments(total: number, fps: number): Segment[] {
  const n = Math.max(1, Math.min(MAX_SEGMENTS, Math.floor(total / MIN_SEGMENT_FRAMES)));
  const at = (s: number) => Math.round((s * total) / n);
  const warm = Math.ceil(WARMUP_SEC * fps);
  return Array.from({ length: n }, (_, s) => ({ keep: at(s), end: s === n - 1 ? null : at(s + 1), warm: s === 0 ? 0 : warm }));
}

/**
 * Contiguous blocks of segments for `workers` threads, as even in frames (warm-ups counted) as the cuts allow.
 * Fewer blocks than workers when there are fewer segments.
 */
export function blocksFor(segments: readonly Segment[], workers: number, total: number): Segment[][] {
  const cost = (s: Segment) => (s.end ?? Math.max(total, s.keep)) - s.keep + s.warm;
  const w = Math.max(1, Math.min(Math.floor(workers), segments.length));
  const all = segments.reduce((a, s) => a + cost(s), 0);
  const blocks: Segment[][] = [];
  let current: Segment[] = [];
  let done = 0;
  for (const s of segments) {
    current.push(s);
    done += cost(s);
    // Close the block once it reaches its share of the whole (the last block takes the rest).
    if (blocks.length < w - 1 && done >= ((blocks.length + 1) * all) / w - cost(s) / 2) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);
  return blocks;
}

/** The frames a block needs decoded: from its first segment's warm-up to its last segment's end. */
export function blockRange(block: readonly Segment[]): { first: number; count: number | undefined } {
  const first = block[0]!.keep - block[0]!.warm;
  const end = block[block.length - 1]!.end;
  return { first, count: end === null ? undefined : end - first };
}
