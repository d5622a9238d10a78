// The camera check: the camera with the skeleton, speed readout, keypoint recording and, optionally,
// an exercise to try without a set. Useful to check the view before exercising; the bench and the
// older e2e tests open it with ?model=/?backend= links.
import { useEffect } from 'react';
import { Stage } from './Stage';
import { ErrorScreen } from './ErrorScreen';
import { SettingsPanel } from './SettingsPanel';
import { DebugReadout } from './DebugReadout';
import { RecordPanel } from './RecordPanel';
import { CoachPanel } from './CoachPanel';
import { appStore, useApp } from '../store';
import { setCoachEngine } from '../session';
import { createCoach } from '../coachEngine';

export function CameraCheck() {
  const error = useApp((s) => s.error);
  const showDebug = useApp((s) => s.settings.showDebug);
  useEffect(() => {
    const id = appStore.getState().settings.exerciseId;
    setCoachEngine(id ? createCoach(id) : null);
    return () => setCoachEngine(null);
  }, []);
  return (
    <div className="app-main">
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
    </div>
  );
}
