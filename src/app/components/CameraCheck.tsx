// The camera check: the framing step for the chosen exercise (the picture with the skeleton and a verdict
// per need), without a set starting by itself; Start begins a set of that exercise. With no exercise
// chosen it just shows the skeleton. The bench and the older e2e tests open it with ?model=/?backend= links.
// (The model, engine and recording controls are here until Settings › Advanced has them.)
import { useEffect } from 'react';
import { Stage } from './Stage';
import { ErrorScreen } from './ErrorScreen';
import { SettingsPanel } from './SettingsPanel';
import { DebugReadout } from './DebugReadout';
import { RecordPanel } from './RecordPanel';
import { CoachPanel } from './CoachPanel';
import { appStore, useApp } from '../store';
import { useSession } from '../live/sessionContext';
import { FramingChecklist } from '../live/FramingChecklist';
import { OnPicture } from '../live/LiveScreen';

export function CameraCheck() {
  const error = useApp((s) => s.error);
  const showDebug = useApp((s) => s.settings.showDebug);
  const live = useApp((s) => s.live);
  const session = useSession();
  useEffect(() => {
    session.send({ type: 'preview', exerciseId: appStore.getState().settings.exerciseId });
    return () => session.send({ type: 'end-preview' });
  }, [session]);
  return (
    <div className="app-main">
      <section className="stage-column" aria-label="Camera">
        {/* The stage stays mounted under an error so the camera/model state survives a retry. */}
        <div className="stage-wrap">
          <Stage>{live && <OnPicture live={live} />}</Stage>
          {error && <ErrorScreen error={error} />}
        </div>
        {showDebug && <DebugReadout />}
      </section>
      <aside className="side-column">
        <CoachPanel />
        {live && live.stage === 'framing' && (
          <div className="panel">
            <FramingChecklist live={live} />
          </div>
        )}
        <SettingsPanel />
        <RecordPanel />
      </aside>
    </div>
  );
}
