import { useApp } from '../store';

export function DebugReadout() {
  const stats = useApp((s) => s.stats);
  const backend = useApp((s) => s.backend);
  const size = useApp((s) => s.videoSize);
  return (
    <section className="panel debug" aria-label="Speed readout">
      <dl data-testid="debug-readout">
        <div>
          <dt>Frames/s</dt>
          <dd data-testid="fps">{stats.fps.toFixed(1)}</dd>
        </div>
        <div>
          <dt>Model ms</dt>
          <dd data-testid="model-ms">{stats.modelMs.toFixed(0)}</dd>
        </div>
        <div>
          <dt>Dropped</dt>
          <dd>{stats.dropped}</dd>
        </div>
        <div>
          <dt>Camera</dt>
          <dd data-testid="camera-rate">{stats.cameraRate === null ? 'own rate' : `${stats.cameraRate}/s, paced to the model`}</dd>
        </div>
        <div>
          <dt>Engine</dt>
          <dd>{backend?.active ?? '–'}</dd>
        </div>
        <div>
          <dt>Video</dt>
          <dd>{size ? `${size.width}×${size.height}` : '–'}</dd>
        </div>
      </dl>
    </section>
  );
}
