// Makes the fake webcam's clip: the first seconds of shared clip 03 as y4m, or, where the shared videos are
// absent, ffmpeg's synthetic test pattern (then the person-tracking tests skip with the reason printed).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { CLIP_FPS, CLIP_HEIGHT, CLIP_PATH, CLIP_SECONDS, CLIP_WIDTH, e2eDir, y4mPath, y4mSourceFile } from './clip';

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
}

export default function globalSetup(): void {
  mkdirSync(e2eDir, { recursive: true });
  const vf = `scale=${CLIP_WIDTH}:${CLIP_HEIGHT},fps=${CLIP_FPS}`;
  if (existsSync(CLIP_PATH)) {
    const want = `real ${CLIP_PATH} ${statSync(CLIP_PATH).mtimeMs} ${vf} ${CLIP_SECONDS}`;
    // Re-use a y4m made from the same clip with the same settings (conversion costs a few seconds of CPU).
    if (existsSync(y4mPath) && existsSync(y4mSourceFile) && readFileSync(y4mSourceFile, 'utf8') === want) return;
    ffmpeg(['-i', CLIP_PATH, '-t', String(CLIP_SECONDS), '-vf', vf, '-pix_fmt', 'yuv420p', '-an', y4mPath]);
    writeFileSync(y4mSourceFile, want);
    return;
  }
  const reason = `synthetic: ${CLIP_PATH} is absent (the shared videos are not on this machine), so the camera shows a test pattern`;
  console.log(`[e2e] ${reason}; person-tracking tests will skip.`);
  ffmpeg(['-f', 'lavfi', '-i', `testsrc=size=${CLIP_WIDTH}x${CLIP_HEIGHT}:rate=${CLIP_FPS}`, '-t', '2', '-pix_fmt', 'yuv420p', y4mPath]);
  writeFileSync(y4mSourceFile, reason);
}
