import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useSession } from '../live/sessionContext';
import { useApp } from '../store';

/** The video with the skeleton canvas on top. Both are mirrored together by CSS; keypoints stay in image pixels. */
/** `children` are drawn over the picture (set-up guidance, countdown), unmirrored. */
export function Stage({ children }: { children?: ReactNode }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const mirror = useApp((s) => s.settings.mirror);
  const phase = useApp((s) => s.phase);
  const activity = useApp((s) => s.activity);
  const size = useApp((s) => s.videoSize);
  // Which engine finds the body, on the element (read from the outside by the README-command e2e checks).
  const backend = useApp((s) => s.backend?.active);
  const session = useSession();

  useEffect(() => {
    const v = videoRef.current;
    const c = canvasRef.current;
    if (!v || !c) return;
    return session.attach(v, c);
  }, [session]);

  return (
    <div className="stage" data-backend={backend} style={size ? { aspectRatio: `${size.width} / ${size.height}` } : undefined}>
      <div className={mirror ? 'stage-media mirrored' : 'stage-media'}>
        <video ref={videoRef} className="stage-video" muted playsInline aria-label="Camera view" />
        <canvas ref={canvasRef} className="stage-overlay" data-testid="overlay" aria-hidden="true" />
      </div>
      {children}
      {phase === 'starting' && (
        <div className="stage-status" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          {activity ?? 'Starting…'}
        </div>
      )}
    </div>
  );
}
