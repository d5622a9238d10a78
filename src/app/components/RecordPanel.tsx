import { downloadFixture } from '../live/keypointRecorder';
import { useSession } from '../live/sessionContext';
import { appStore, setRecording, useApp } from '../store';

/** "Record keypoints": saves the pose stream (keypoints only, never images) as a form-coach/keypoints@1 file. */
export function RecordPanel() {
  const recording = useApp((s) => s.recording);
  const running = useApp((s) => s.phase === 'running');
  const keypoints = useSession().keypoints;
  const toggle = (): void => {
    if (keypoints.active) keypoints.stop();
    else keypoints.start();
    setRecording({ active: keypoints.active, frames: keypoints.count });
  };
  const save = (): void => {
    const s = appStore.getState();
    keypoints.stop();
    setRecording({ active: false, frames: keypoints.count });
    const size = s.videoSize ? `${s.videoSize.width}x${s.videoSize.height}` : '';
    const fixture = keypoints.build({ source: `Form Coach camera ${size} ${new Date().toISOString()}`.trim(), model: s.settings.model });
    if (fixture) downloadFixture(fixture, document);
  };
  return (
    <section className="panel" aria-labelledby="record-title">
      <h2 id="record-title">Record keypoints</h2>
      <p className="hint">Saves body points only, never pictures.</p>
      <div className="row">
        <button type="button" aria-pressed={recording.active} onClick={toggle} disabled={!running && !recording.active}>
          {recording.active ? '■ Stop recording' : '● Record keypoints'}
        </button>
        <button type="button" onClick={save} disabled={recording.frames === 0}>Save</button>
      </div>
      <p className="hint" aria-live="polite">{recording.frames > 0 ? `${recording.frames} frames recorded` : ''}</p>
    </section>
  );
}
