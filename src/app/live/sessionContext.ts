// The live coach, handed to React by main.tsx (constructed there, never imported as a singleton). It loads after
// the first paint (issue 19: initial JS ≤ 120 KB gzip; LiveSession and the set machinery are about a quarter
// of it), so React gets a holder: the session once it is built, and the promise of it until then.
import { createContext, use, useContext } from 'react';
import type { LiveCommand } from './commands';
import type { LiveSession } from './LiveSession';

export interface SessionHolder {
  /** The session once built; null until then. */
  current: LiveSession | null;
  ready: Promise<LiveSession>;
}

/** A holder that fills itself in when `ready` resolves. */
export function sessionHolder(ready: Promise<LiveSession>): SessionHolder {
  const h: SessionHolder = { current: null, ready };
  // A failed load is main.tsx's to report; here it only leaves `current` null.
  ready.then(
    (s) => (h.current = s),
    () => undefined,
  );
  return h;
}

export const SessionContext = createContext<SessionHolder | null>(null);

function useHolder(): SessionHolder {
  const h = useContext(SessionContext);
  if (!h) throw new Error('useSession outside <SessionContext.Provider>');
  return h;
}

/** The session; suspends (the nearest <Suspense> shows) until it has loaded. For the screens after home. */
export function useSession(): LiveSession {
  const h = useHolder();
  return h.current ?? use(h.ready);
}

/**
 * Sends a command to the session without waiting for it to render (the home screen paints before the session
 * has loaded): at once when it is there, else as soon as it is.
 */
export function useSend(): (c: LiveCommand) => void {
  const h = useHolder();
  return (c) => {
    if (h.current) h.current.send(c);
    else void h.ready.then((s) => s.send(c));
  };
}
