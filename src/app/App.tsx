import { lazy, Suspense, useEffect } from 'react';
import { HomeScreen } from './home/HomeScreen';
// The lazy screens' styles load with the first page, in the order they always had (before app.css, main.tsx):
// loaded later with their screens they would come after app.css and win ties they used to lose.
import './summary/summary.css';
import './history/history.css';
import './analyze/analyze.css';
import { SpeedAdvice } from './components/SpeedAdvice';
import type { Screen } from './store';
import { syncScreenFromLocation, useApp } from './store';

// Every screen but the first (home) loads when first asked for, after the first paint (issue 19: initial JS
// ≤ 120 KB gzip; these screens are about 20 KB of it). The service worker precaches them with every other
// chunk, so offline they load all the same.
const LiveScreen = lazy(() => import('./live/LiveScreen').then((m) => ({ default: m.LiveScreen })));
const SummaryScreen = lazy(() => import('./live/SummaryScreen').then((m) => ({ default: m.SummaryScreen })));
const HistoryPage = lazy(() => import('./history/HistoryPage').then((m) => ({ default: m.HistoryPage })));
const AnalyzePage = lazy(() => import('./analyze/AnalyzePage').then((m) => ({ default: m.AnalyzePage })));
const SettingsScreen = lazy(() => import('./settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const CameraCheck = lazy(() => import('./components/CameraCheck').then((m) => ({ default: m.CameraCheck })));

const NAV: { screen: Screen; label: string }[] = [
  { screen: 'home', label: 'Exercises' },
  { screen: 'history', label: 'History' },
  { screen: 'analyze', label: 'Analyse a recording' },
  { screen: 'settings', label: 'Settings' },
];

const TITLES: Record<Screen, string> = {
  home: 'Exercises',
  live: 'Exercise',
  summary: 'Summary',
  history: 'History',
  analyze: 'Analyse a recording',
  settings: 'Settings',
  camera: 'Camera check',
};

export function App() {
  const screen = useApp((s) => s.screen);
  const notices = useApp((s) => s.notices);
  const highContrast = useApp((s) => s.settings.highContrast);

  useEffect(() => {
    window.addEventListener('popstate', syncScreenFromLocation);
    window.addEventListener('hashchange', syncScreenFromLocation);
    // The address may have changed between the page's start and this first render.
    syncScreenFromLocation();
    return () => {
      window.removeEventListener('popstate', syncScreenFromLocation);
      window.removeEventListener('hashchange', syncScreenFromLocation);
    };
  }, []);
  useEffect(() => {
    document.title = `${TITLES[screen]} · Form Coach`;
  }, [screen]);

  return (
    <div className={highContrast ? 'app high-contrast' : 'app'} data-screen={screen}>
      {/* Past the menu in one key press. Not a hash link: the hash is the screen (#/home), so it moves the focus. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="app-header">
        <h1>Form Coach</h1>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.screen}>
                <a href={`#/${n.screen}`} aria-current={screen === n.screen ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p className="tagline">Your camera stays on this device: nothing is uploaded.</p>
      </header>
      {notices.length > 0 && (
        <ul className="notices" role="status">
          {notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <SpeedAdvice />
      <main id="main" tabIndex={-1} className={`screen screen-${screen}`}>
        <Suspense
          fallback={
            <p className="hint" role="status">
              Loading…
            </p>
          }
        >
          {screen === 'home' && <HomeScreen />}
          {screen === 'live' && <LiveScreen />}
          {screen === 'summary' && <SummaryScreen />}
          {screen === 'history' && <HistoryPage />}
          {screen === 'analyze' && <AnalyzePage />}
          {screen === 'settings' && <SettingsScreen />}
          {screen === 'camera' && <CameraCheck />}
        </Suspense>
      </main>
    </div>
  );
}
