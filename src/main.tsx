import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bootLiveSession } from './app/boot';
import { loadHistory } from './app/history/historyStore';
import { SessionContext } from './app/live/sessionContext';
import { loadFromBrowser } from './app/store';
import { loadStoredSpeeds } from './app/speedStore';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
loadFromBrowser();
loadStoredSpeeds();
void bootLiveSession(window).then((session) => {
  createRoot(root).render(
    <StrictMode>
      <SessionContext.Provider value={session}>
        <App />
      </SessionContext.Provider>
    </StrictMode>,
  );
});

// Read the saved history once at start, so sets set aside as unreadable are reported up front.
void loadHistory();
