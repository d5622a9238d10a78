// The webcam clip for the e2e run. Chromium's fake camera plays a .y4m file in a loop; it is made by
// global-setup.ts in a temp folder outside the repo (videos and their frames are never committed).
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** FORM_COACH_VIDEOS_DIR overrides it, e.g. to try the no-videos path: FORM_COACH_VIDEOS_DIR=/nowhere. */
export const videosDir = process.env.FORM_COACH_VIDEOS_DIR ?? join(repoRoot, '..', 'shared', 'fixtures', 'videos');

/** 03 (CATALOG.md): forearm plank filmed side-on, the person holds still for the whole clip. */
export const CLIP_FILE = '03_plank_forearm_side_kaiakol005.mp4';
export const CLIP_PATH = join(videosDir, CLIP_FILE);
/** First 4 s, 640×360 (the clip's 16:9 shrunk), 15 fps: ~20 MB of raw y4m, small enough to loop. */
export const CLIP_SECONDS = 4;
export const CLIP_WIDTH = 640;
export const CLIP_HEIGHT = 360;
export const CLIP_FPS = 15;

export const e2eDir = join(tmpdir(), 'form-coach-e2e');
export const y4mPath = join(e2eDir, 'camera.y4m');
/** Written by global setup: "real <clip>" or "synthetic <reason>". */
export const y4mSourceFile = join(e2eDir, 'camera.source.txt');

/** Null when the camera shows the real clip; otherwise why it does not (for test.skip messages). */
export function syntheticReason(): string | null {
  if (!existsSync(y4mSourceFile)) return 'global setup did not run';
  const s = readFileSync(y4mSourceFile, 'utf8');
  return s.startsWith('real') ? null : s.replace(/^synthetic\s*/, '');
}

/** Debian Chromium's flags here (../shared/NOTES.md), with `y4m` as the fake webcam. */
export function chromiumArgs(y4m: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${y4m}`,
  ];
}
