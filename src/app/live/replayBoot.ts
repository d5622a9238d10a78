// Test and bench builds only: ?replay=NAME plays /__replay/NAME.json (served by the e2e tests) as the camera and
// the model. boot.ts reaches this module through an import() that vite.config.ts's __FORM_COACH_HOOKS__ = false
// removes from the production build, so neither this file nor the replay feed ships to people.
import type { KeypointFixture } from '../../core/fixture';
import { parseFixture } from '../../core/fixture';
import type { OpenedSource } from '../../pose/openSource';
import type { CameraPort } from '../camera';
import type { Clock } from './LiveSession';
import { replayCamera, replayOpened } from './replayFeed';

export interface ReplayParts {
  openSource: () => Promise<OpenedSource>;
  camera: CameraPort;
}

/** The replayed camera and model named by ?replay= in the page's address, or null when there is none. */
export async function replayFromUrl(win: Window, clock: Clock): Promise<ReplayParts | null> {
  const name = new URLSearchParams(win.location.search).get('replay');
  const fixture = name ? await loadReplay(name) : null;
  if (!fixture) return null;
  return { openSource: () => Promise.resolve(replayOpened(fixture)), camera: replayCamera(fixture, clock) };
}

async function loadReplay(name: string): Promise<KeypointFixture | null> {
  if (!/^[\w.-]+$/.test(name)) return null;
  const res = await fetch(`/__replay/${name}.json`);
  if (!res.ok) return null;
  return parseFixture(await res.json());
}
