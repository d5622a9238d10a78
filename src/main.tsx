import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Read the saved history once at start (after first paint), so sets set aside as unreadable are reported up front.
void import('./app/history/historyStore').then((m) => m.loadHistory());
