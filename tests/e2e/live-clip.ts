// A shared clip as the fake webcam for the live-*.spec.ts files: the clip's crop from
// test-fixtures/clips.json, shrunk so its longest side is 640, 15 fps, yuv420p, written as y4m into the
// e2e temp folder (never into the repo). Chromium's fake camera plays it in a loop.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eDir, repoRoot, videosDir } from './clip';

interface ClipEntry {
  id: string;
  video: string;
  crop: string | null;
}

export interface LiveClip {
  /** The y4m to pass to chromiumArgs; a placeholder path when the video is absent (tests skip then). */
  y4m: string;
  /** Null when the y4m is ready; otherwise why the tests using it skip. */
  skipReason: string | null;
}

const MAX_SIDE = 640;
const FPS = 15;

export function liveClip(id: string): LiveClip {
  const clips = (JSON.parse(readFileSync(join(repoRoot, 'test-fixtures', 'clips.json'), 'utf8')) as { clips: ClipEntry[] }).clips;
  const clip = clips.find((c) => c.id === id);
  if (!clip) throw new Error(`clip ${id} is not in test-fixtures/clips.json`);
  const video = join(videosDir, clip.video);
  const y4m = join(e2eDir, `live-${id}.y4m`);
  if (!existsSync(video)) {
    const skipReason = `${video} is absent (the shared videos are not on this machine)`;
    console.log(`[e2e] ${id}: ${skipReason}; its live tests skip.`);
    return { y4m, skipReason };
  }
  // Longest side 640, the other even (-2), never a stretched picture.
  const scale = `scale=w='if(gte(iw,ih),${MAX_SIDE},-2)':h='if(gte(iw,ih),-2,${MAX_SIDE})':flags=area`;
  const vf = [...(clip.crop ? [`crop=${clip.crop}`] : []), `fps=${FPS}`, scale].join(',');
  const stamp = join(e2eDir, `live-${id}.source.txt`);
  const want = `${video} ${statSync(video).mtimeMs} ${vf}`;
  if (!existsSync(y4m) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    mkdirSync(e2eDir, { recursive: true });
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', video, '-vf', vf, '-pix_fmt', 'yuv420p', '-an', y4m], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    writeFileSync(stamp, want);
  }
  return { y4m, skipReason: null };
}
