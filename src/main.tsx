import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loadHistory } from './app/history/historyStore';
import { SessionContext, sessionHolder } from './app/live/sessionContext';
import { loadFromBrowser, setNotices } from './app/store';
import { loadStoredSpeeds } from './app/speedStore';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
loadFromBrowser();
loadStoredSpeeds();
// The live session (LiveSession, the set flow, the pose feed) is a chunk of its own, fetched now and built as soon
// as it arrives, while the home screen paints without it (issue 19: initial JS ≤ 120 KB gzip). Home's buttons
// send their command once it is built; the other screens wait for it behind their Suspense fallback.
const ready = import('./app/boot').then((m) => m.bootLiveSession(window));
ready.catch((e: unknown) => {
  console.error(e);
  setNotices(['The live coach could not load. Reload the page to try again.']);
});
createRoot(root).render(
  <StrictMode>
    <SessionContext.Provider value={sessionHolder(ready)}>
      <App />
    </SessionContext.Provider>
  </StrictMode>,
);

// Read the saved history once at start, so sets set aside as unreadable are reported up front.
void loadHistory();
