import { ErrorScreen } from './components/ErrorScreen';
import { Stage } from './components/Stage';
import { SettingsPanel } from './components/SettingsPanel';
import { DebugReadout } from './components/DebugReadout';
import { RecordPanel } from './components/RecordPanel';
import { CoachPanel } from './components/CoachPanel';
import { useApp } from './store';

export function App() {
  const error = useApp((s) => s.error);
  const notices = useApp((s) => s.notices);
  const showDebug = useApp((s) => s.settings.showDebug);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Form Coach</h1>
        <p className="tagline">Your camera stays on this device: nothing is uploaded.</p>
      </header>
      {notices.length > 0 && (
        <ul className="notices" role="status">
          {notices.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
      <main className="app-main">
        <section className="stage-column" aria-label="Camera">
          {/* The stage stays mounted under an error so the camera/model state survives a retry. */}
          <div className="stage-wrap">
            <Stage />
            {error && <ErrorScreen error={error} />}
          </div>
          {showDebug && <DebugReadout />}
        </section>
        <aside className="side-column">
          <CoachPanel />
          <SettingsPanel />
          <RecordPanel />
        </aside>
      </main>
    </div>
  );
}
