// The live coach, handed to React by main.tsx (constructed there, never imported as a singleton).
import { createContext, useContext } from 'react';
import type { LiveSession } from './LiveSession';

export const SessionContext = createContext<LiveSession | null>(null);

export function useSession(): LiveSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside <SessionContext.Provider>');
  return s;
}
