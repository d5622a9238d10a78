// The skeleton over the review video: the analysed frame nearest the video's current time, coloured by the
// exercise's rules as during the analysis (red, ringed joints where a form problem was seen). Drawn when the
// video is seeked, played or paused; it never blocks the video's controls.
import { useEffect, useRef } from 'react';
import { clearOverlay, drawSkeleton } from '../../render/skeleton';
import type { ReviewFrame } from './review';
import { frameAt } from './review';

export interface ReviewOverlayProps {
  video: HTMLVideoElement | null;
  frames: readonly ReviewFrame[];
  size: { width: number; height: number };
}

export function ReviewOverlay({ video, frames, size }: ReviewOverlayProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || !video) return;
    c.width = size.width;
    c.height = size.height;
    let handle = 0;
    const draw = () => {
      clearOverlay(ctx);
      const f = frameAt(frames, video.currentTime);
      if (f?.pose) drawSkeleton(ctx, f.pose, { styles: f.styles, minScore: 0.3, scale: Math.max(1, c.width / Math.max(1, c.clientWidth)) });
    };
    // While playing, once per shown video frame; on seeking and pausing, at once.
    const onFrame = () => {
      draw();
      handle = video.requestVideoFrameCallback(onFrame);
    };
    const events = ['seeked', 'timeupdate', 'loadeddata', 'pause'] as const;
    for (const e of events) video.addEventListener(e, draw);
    if (typeof video.requestVideoFrameCallback === 'function') handle = video.requestVideoFrameCallback(onFrame);
    draw();
    return () => {
      for (const e of events) video.removeEventListener(e, draw);
      if (handle && typeof video.cancelVideoFrameCallback === 'function') video.cancelVideoFrameCallback(handle);
    };
  }, [video, frames, size]);
  return <canvas ref={canvas} className="review-overlay" data-testid="review-overlay" aria-hidden="true" />;
}
