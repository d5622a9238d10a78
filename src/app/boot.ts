// The composition root: builds the live coach from the browser's parts (camera, speech, clock, history)
// when main.tsx calls it. Nothing here runs at import. In test and bench builds (__FORM_COACH_HOOKS__)
// the page also gets window.__formCoach, and ?replay=NAME plays /__replay/NAME.json instead of the camera and
// the model (the e2e tests serve that file; no model loads; live/replayBoot.ts, left out of production builds).
import { onBackendLost } from '../pose/backend';
import { createSourceOpener } from '../pose/openSource';
import { browserCamera } from './camera';
import { saveSession } from './history/historyStore';
import type { Clock, DebugHook } from './live/LiveSession';
import { LiveSession } from './live/LiveSession';
import { localPending } from './live/pendingSet';
import { loadRoutine } from './routine/routineStore';
import { appStore, go } from './store';
import { browserSpeaker } from './voice';

declare global {
  interface Window {
    /** Test and bench builds only: what the e2e tests and `npm run bench` read. */
    __formCoach?: DebugHook;
  }
  /** Set by vite.config.ts: true in test and bench builds. */
  const __FORM_COACH_HOOKS__: boolean;
}

const pageClock: Clock = {
  now: () => performance.now(),
  every(ms, fn) {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
};

/** Builds the live session for this page and starts its listeners. */
export async function bootLiveSession(win: Window): Promise<LiveSession> {
  // A constant false in production builds: the import() and the replay feed behind it are left out. Asked for
  // only with ?replay=, so a test page without it starts as fast as the production one.
  const replay =
    __FORM_COACH_HOOKS__ && new URLSearchParams(win.location.search).has('replay')
      ? await (await import('./live/replayBoot')).replayFromUrl(win, pageClock)
      : null;
  // ?threads=N (test and bench builds): the wasm thread count, for the bench's 1-thread comparison row.
  const opener = createSourceOpener(__FORM_COACH_HOOKS__ ? { threads: urlThreads(win) } : {});
  const session = new LiveSession({
    store: appStore,
    openSource: replay ? replay.openSource : (req, o) => opener.open(req, o),
    camera: replay ? replay.camera : browserCamera(),
    clock: pageClock,
    speaker: browserSpeaker(win),
    save: saveSession,
    loadRoutine,
    go,
    mark: (name) => performance.mark(name),
    pending: localPending(win.localStorage),
  });
  session.start({ document: win.document, onBackendLost });
  if (__FORM_COACH_HOOKS__) win.__formCoach = session.debugHook();
  return session;
}

function urlThreads(win: Window): number | undefined {
  const n = Number(new URLSearchParams(win.location.search).get('threads') ?? NaN);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}
