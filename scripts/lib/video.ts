// Node-only: reads video files as raw RGB frames through Debian's ffmpeg/ffprobe (spawned, never bundled).
// Used by the keypoint recorder; the browser app never decodes files this way.
import { execFileSync, spawn, spawnSync } from 'node:child_process';

export interface VideoInfo {
  width: number;
  height: number;
  /** Seconds. */
  duration: number;
  /** Average frame rate of the file (phone clips are variable-rate; this is only informative). */
  fps: number;
}

/** A rectangle in pixels of the source video, as ffmpeg's crop filter takes it. */
export interface Crop {
  w: number;
  h: number;
  x: number;
  y: number;
}

export interface DecodeOptions {
  /** Frames per second to sample; ffmpeg's fps filter picks the source frame nearest each tick. */
  fps: number;
  /** Applied before scaling, e.g. to cut away the black bars around portrait video. */
  crop?: Crop | undefined;
  /** Longest side of the output frame in pixels; smaller frames are not enlarged. */
  maxSide?: number | undefined;
  /** Seconds into the clip to start from (default 0). */
  start?: number | undefined;
  /** Seconds to decode (default: to the end). */
  duration?: number | undefined;
  /**
   * Only the sampled frames `first` … `first + count - 1` of the whole file (indices and times as a decode from
   * the start gives them, so the frames are the very same). For the parallel recorder (parallelRecord.ts): a
   * range after the first seeks close to its start instead of decoding the file from the beginning. Not with
   * `start` or `duration`.
   */
  range?: { first: number; count?: number | undefined } | undefined;
}

export interface RgbFrame {
  /** 0-based index of the sampled frame. */
  index: number;
  /** Milliseconds from the start of the clip (not of the decoded segment). */
  t: number;
  width: number;
  height: number;
  /** width × height × 3 bytes, row-major, no padding. */
  rgb: Uint8Array;
}

export function parseCrop(s: string): Crop {
  const m = /^(\d+):(\d+):(\d+):(\d+)$/.exec(s.trim());
  if (!m) throw new Error(`crop must look like w:h:x:y (ffmpeg's crop filter), got "${s}"`);
  const [w, h, x, y] = m.slice(1).map(Number) as [number, number, number, number];
  if (w <= 0 || h <= 0) throw new Error(`crop ${s} has an empty area`);
  return { w, h, x, y };
}

export const formatCrop = (c: Crop): string => `${c.w}:${c.h}:${c.x}:${c.y}`;

export function probeVideo(path: string): VideoInfo {
  let out: string;
  try {
    out = execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=width,height,avg_frame_rate:stream_side_data=rotation:stream_tags=rotate:format=duration',
        '-of',
        'json',
        path,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`cannot read ${path}: ${(err.stderr || err.message).trim()}`);
  }
  const j = JSON.parse(out) as {
    streams?: {
      width?: number;
      height?: number;
      avg_frame_rate?: string;
      side_data_list?: { rotation?: number }[];
      tags?: { rotate?: string };
    }[];
    format?: { duration?: string };
  };
  const s = j.streams?.[0];
  if (!s?.width || !s.height) throw new Error(`${path}: no video stream`);
  const [num = 0, den = 1] = (s.avg_frame_rate ?? '0/1').split('/').map(Number);
  // A phone video stored sideways with a rotation tag (e01, e17: coded 1024×576 with 90°): ffmpeg turns the
  // frames upright before the filters, so the picture the filters see is the shown one, its sides swapped.
  const rot = Number(s.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? s.tags?.rotate ?? 0);
  const quarter = Math.abs(Math.round(rot / 90)) % 2 === 1;
  return {
    width: quarter ? s.height : s.width,
    height: quarter ? s.width : s.height,
    duration: Number(j.format?.duration ?? 0),
    fps: den ? num / den : 0,
  };
}

/**
 * Output size for a source of `w`×`h` shrunk so its longest side is at most `maxSide`.
 * Even numbers, because ffmpeg's scaler and most codecs want them; never enlarged.
 */
export function fitSize(w: number, h: number, maxSide?: number): { width: number; height: number } {
  const k = maxSide && Math.max(w, h) > maxSide ? maxSide / Math.max(w, h) : 1;
  const even = (v: number) => Math.max(2, 2 * Math.round((v * k) / 2));
  return { width: even(w), height: even(h) };
}

/** The ffmpeg filter chain for the options, and the size of the frames it produces. */
export function filterChain(info: Pick<VideoInfo, 'width' | 'height'>, o: DecodeOptions): { vf: string; width: number; height: number } {
  const c = o.crop;
  if (c && (c.x + c.w > info.width || c.y + c.h > info.height)) {
    throw new Error(`crop ${formatCrop(c)} does not fit in a ${info.width}×${info.height} video`);
  }
  const { width, height } = fitSize(c?.w ?? info.width, c?.h ?? info.height, o.maxSide);
  const parts = [...(c ? [`crop=${formatCrop(c)}`] : []), `fps=${o.fps}`, `scale=${width}:${height}:flags=area`];
  return { vf: parts.join(','), width, height };
}

/** Seconds of video decoded before a range's first frame and thrown away: the seek lands on a keyframe and the
 * fps filter settles there, well before the frames that count. */
const RANGE_SEEK_MARGIN_SEC = 2;

/** Input options that seek to a little before sampled frame `first` (none for the first frames of the file). */
function rangeSeek(first: number, fps: number): string[] {
  const at = Math.floor((first / fps - RANGE_SEEK_MARGIN_SEC) * 1000) / 1000;
  // -copyts -start_at_zero: the frames keep their times from the file's start (as a decode from the start sees
  // them), so the fps filter samples the same frames on the same ticks.
  return at > 0 ? ['-ss', String(at), '-copyts', '-start_at_zero'] : ['-copyts', '-start_at_zero'];
}

/**
 * filterChain, with the fps filter's ticks counted from 0 (start_time=0: after a seek it repeats the first
 * frame up to it, and these repeats are dropped at once) and only ticks `first` on passed to the scaler (trim
 * counts the frames it is given). Checked against a decode from the start on every shared clip at 10 and
 * 15 fps, the ones whose video starts after their audio (28, e10) included: same frames, same indices
 * (scripts/lib/video.test.ts has the test on made-up clips).
 */
function rangeFilterChain(
  info: Pick<VideoInfo, 'width' | 'height'>,
  o: DecodeOptions,
  first: number,
): { vf: string; width: number; height: number } {
  const { vf, width, height } = filterChain(info, o);
  const fpsPart = `fps=${o.fps}`;
  if (!vf.includes(fpsPart)) throw new Error(`unexpected filter chain ${vf}`);
  return { vf: vf.replace(fpsPart, `fps=${o.fps}:start_time=0,trim=start_frame=${first}`), width, height };
}

/**
 * Decodes a video into RGB frames sampled at `fps`, one at a time (back-pressure: ffmpeg is paused while
 * the consumer works, so a slow model never piles frames up in memory).
 */
export async function* decodeFrames(path: string, o: DecodeOptions): AsyncGenerator<RgbFrame> {
  const info = probeVideo(path);
  const { vf, width, height } = o.range ? rangeFilterChain(info, o, o.range.first) : filterChain(info, o);
  const start = o.start ?? 0;
  const args = ['-v', 'error', '-nostdin'];
  if (o.range) {
    if (start > 0 || o.duration !== undefined) throw new Error('decodeFrames: a range is of the whole file, not with start or duration');
    args.push(...rangeSeek(o.range.first, o.fps), '-i', path);
  } else {
    // Seeking before -i is fast and, with re-encoding to raw frames, frame-accurate.
    if (start > 0) args.push('-ss', String(start));
    args.push('-i', path);
    if (o.duration !== undefined) args.push('-t', String(o.duration));
  }
  // The first video stream: some files also carry a cover picture as a second video stream (e06, e16).
  args.push('-map', '0:v:0', '-an', '-vf', vf);
  if (o.range) args.push('-fps_mode', 'passthrough', ...(o.range.count !== undefined ? ['-frames:v', String(o.range.count)] : []));
  args.push('-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1');

  const ff = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  ff.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    ff.on('error', reject);
    ff.on('close', (code) => resolve(code));
  });

  const frameBytes = width * height * 3;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = o.range?.first ?? 0;
  try {
    for await (const chunk of ff.stdout as AsyncIterable<Buffer>) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= frameBytes) {
        const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
        const rgb = new Uint8Array(all.buffer.slice(all.byteOffset, all.byteOffset + frameBytes));
        const rest = all.subarray(frameBytes);
        pending = rest.length ? [rest] : [];
        pendingBytes = rest.length;
        // The fps filter emits frame i at start + i/fps seconds.
        yield { index, t: (start + index / o.fps) * 1000, width, height, rgb };
        index++;
      }
    }
  } finally {
    if (ff.exitCode === null) ff.kill('SIGTERM');
  }
  const code = await exited;
  if (code !== 0 && code !== null) throw new Error(`ffmpeg failed on ${path} (exit ${code}): ${stderr.trim()}`);
  if (pendingBytes !== 0) throw new Error(`ffmpeg left a partial frame (${pendingBytes} of ${frameBytes} bytes) for ${path}`);
}

/**
 * Below this share of the width or height, a detected border is left in: a few dark rows or columns cost the
 * model nothing, while cropping into a dark scene edge would cut the person. The portrait clips filmed inside
 * a 16:9 frame lose 68% of their width; the other shared clips show borders of at most 2.2% (13's letterbox).
 */
export const MIN_BORDER_FRACTION = 0.05;

/**
 * Finds black bars (pillarbox or letterbox) with ffmpeg's cropdetect over one frame a second of the whole
 * clip (reset=0 keeps the largest picture area seen, so a dark moment cannot shrink it). Returns the crop,
 * or null when the bars are absent or thinner than MIN_BORDER_FRACTION.
 */
export function detectCrop(path: string): Crop | null {
  const info = probeVideo(path);
  // cropdetect reports on stderr at info level; skip=0 lets a clip of a second or two count too.
  const r = spawnSync(
    'ffmpeg',
    ['-v', 'info', '-nostdin', '-i', path, '-an', '-vf', 'fps=1,cropdetect=limit=24:round=2:reset=0:skip=0', '-f', 'null', '-'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`cropdetect failed on ${path}: ${(r.stderr || String(r.error)).trim()}`);
  const all = [...r.stderr.matchAll(/crop=(\d+:\d+:\d+:\d+)/g)];
  const last = all[all.length - 1]?.[1];
  if (!last) return null;
  const c = parseCrop(last);
  const cutW = (info.width - c.w) / info.width;
  const cutH = (info.height - c.h) / info.height;
  return cutW >= MIN_BORDER_FRACTION || cutH >= MIN_BORDER_FRACTION ? c : null;
}
