// Settings' line on offline use: what this browser keeps and its size (offlineCopy.ts), read when shown and
// again when the service worker has finished saving the app.
import { useEffect, useState } from 'react';
import { MODEL_LABELS } from '../models';
import type { OfflineCopy } from './offlineCopy';
import { offlineText, readCachedFiles, summariseOffline } from './offlineCopy';

export function OfflineStatus() {
  const [copy, setCopy] = useState<OfflineCopy | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const read = () => {
      void readCachedFiles().then(
        (files) => {
          if (live) setCopy(files ? summariseOffline(files) : null);
        },
        () => {
          if (live) setCopy(null);
        },
      );
    };
    read();
    // The first visit: the worker is still saving the app; read again once it is active.
    void globalThis.navigator?.serviceWorker?.ready.then(() => setTimeout(read, 500));
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <h3>Offline use</h3>
      <p className="hint" data-testid="offline-copy">
        {copy === undefined ? 'Checking what is saved in this browser…' : offlineText(copy, (m) => MODEL_LABELS[m].name)}
      </p>
    </>
  );
}
