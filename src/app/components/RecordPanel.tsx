import { downloadFixture } from '../live/keypointRecorder';
import { useSession } from '../live/sessionContext';
import { appStore, setRecording, useApp } from '../store';

/**
 * "Record keypoints": keeps the pose stream (keypoints only, never images) and saves it as a
 * form-coach/keypoints@1 file. It can be started with the camera off (Settings › Advanced): frames are
 * kept from the next time the camera runs, through any sets, until it is stopped or saved. The recording
 * itself is the live session's (LiveSession.keypoints), which every processed frame passes through.
 */
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
      <p className="hint">
        Saves body points only, never pictures.
        {!running && ' Start here, then do a set: its points are kept until you come back to save them.'}
      </p>
      <div className="row">
        <button type="button" aria-pressed={recording.active} onClick={toggle}>
          {recording.active ? '■ Stop recording' : '● Record keypoints'}
        </button>
        <button type="button" onClick={save} disabled={recording.frames === 0}>
          Save
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {recording.frames > 0 ? `${recording.frames} frames recorded` : recording.active ? 'Waiting for the camera.' : ''}
      </p>
    </section>
  );
}
