// A committed fixture that is missing fails the test that needs it, with a message naming the file and how
// to restore it; it never turns the test into a skip (a deleted fixture must not leave the suite green).
import { describe, expect, it } from 'vitest';
import { loadClip, loadConstructed, MissingFixtureError } from './replay';

describe('committed fixtures', () => {
  it('a clip with no committed stream for the model is an error naming the file and the command that records it', async () => {
    const e = await loadClip('no_such_clip', 'movenet-thunder').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MissingFixtureError);
    expect(String((e as Error).message)).toBe(
      'committed fixture test-fixtures/keypoints/no_such_clip.movenet-thunder.json is missing: restore it (git checkout -- test-fixtures/keypoints/no_such_clip.movenet-thunder.json) or re-record it: npm run record -- no_such_clip --model movenet-thunder',
    );
    await expect(loadClip('03_plank_forearm_side_kaiakol005', 'movenet-no-such-model')).rejects.toThrow(
      /03_plank_forearm_side_kaiakol005\.movenet-no-such-model\.json is missing/,
    );
  });

  it('a missing constructed stream is an error naming the command that rebuilds it', async () => {
    await expect(loadConstructed('no_such_stream')).rejects.toThrow(
      /test-fixtures\/constructed\/no_such_stream\.keypoints\.json is missing: .*npm run construct/,
    );
  });

  it('a committed one loads', async () => {
    expect((await loadClip('03_plank_forearm_side_kaiakol005')).length).toBeGreaterThan(50);
  });
});
