import { saveRecording, startRecording, stopRecording } from '../recorder';
import { appStore, setRecording, useApp } from '../store';

function toggle(): void {
  const { recording } = appStore.getState();
  if (recording.active) stopRecording();
  else startRecording();
  setRecording({ active: !recording.active, frames: recording.active ? recording.frames : 0 });
}

function save(): void {
  const s = appStore.getState();
  stopRecording();
  setRecording({ active: false, frames: s.recording.frames });
  const size = s.videoSize ? `${s.videoSize.width}x${s.videoSize.height}` : '';
  saveRecording({ source: `Form Coach camera ${size} ${new Date().toISOString()}`.trim(), model: s.settings.model });
}

/** "Record keypoints": saves the pose stream (keypoints only, never images) as a form-coach/keypoints@1 file. */
export function RecordPanel() {
  const recording = useApp((s) => s.recording);
  const running = useApp((s) => s.phase === 'running');
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
