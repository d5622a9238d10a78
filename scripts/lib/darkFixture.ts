// npx tsx scripts/lib/darkFixture.ts
// Builds test-fixtures/constructed/bench-press_dark-room.keypoints.json: the real clip 26 (dumbbell bench
// press, klarfit) darkened with ffmpeg to a very dark room (every channel's output level capped at 12 %,
// `colorlevels=romax=0.12:gomax=0.12:bomax=0.12`, plus a little sensor noise, `noise=alls=6:allf=t`),
// then run through the app's own pose model (MoveNet Thunder, wasm), as `npm run record` runs it. The
// darkened video is made in a temporary folder and never kept; only the keypoints are written. Thunder still
// finds her in every frame, with a mean keypoint score of 0.35 (0.61 in the clip as filmed): the coach must
// say that it cannot see well, not "move back" (issue 11, the dark gym).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { clipVideoPath, readClipList, repoRoot } from './clips';
import { recordVideo, stringifyFixture } from './recorder';
import { constructedDir } from './engineConstruct';

export const DARK_CLIP = '26_db_bench_press_klarfit';
export const DARK_FILTER = 'colorlevels=romax=0.12:gomax=0.12:bomax=0.12,noise=alls=6:allf=t';
export const DARK_NAME = 'bench-press_dark-room';

export async function buildDarkFixture(): Promise<string> {
  const list = readClipList();
  const clip = list.clips.find((c) => c.id === DARK_CLIP);
  if (!clip) throw new Error(`${DARK_CLIP} is not in clips.json`);
  const dir = mkdtempSync(join(tmpdir(), 'fc-dark-'));
  try {
    const video = join(dir, `${DARK_NAME}.mp4`);
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', clipVideoPath(clip), '-vf', DARK_FILTER, '-an', video]);
    const r = await recordVideo({ video, model: 'movenet-thunder', fps: list.fps, maxSide: list.maxSide, repoRoot });
    const out = join(constructedDir, `${DARK_NAME}.keypoints.json`);
    const fixture = {
      ...r.fixture,
      source: `constructed: ${clip.video} darkened (ffmpeg -vf ${DARK_FILTER})`,
      construction: `The real clip ${clip.video} (${clip.origin}) darkened with ffmpeg -vf "${DARK_FILTER}" and recorded with MoveNet Thunder on wasm, ${list.fps} fps, longest side ${list.maxSide} px. Regenerate: npx tsx scripts/lib/darkFixture.ts`,
    };
    writeFileSync(out, stringifyFixture(fixture));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildDarkFixture().then(
    (p) => console.log(`wrote ${p}`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
