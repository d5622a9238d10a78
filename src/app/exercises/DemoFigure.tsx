// A small animated stick figure doing the exercise, drawn from recorded keypoints (demoData.json; see
// buildDemoData.ts for where each loop comes from). The data is loaded on first use, so it stays out of
// the first-paint bundle. With prefers-reduced-motion the figure stands still until asked to move; it
// only animates while on screen, and pressing it pauses it (moving content must be stoppable).
import { useEffect, useRef, useState } from 'react';
import type { DemoData } from './demo';
import { drawDemoFrame } from './demo';

/** The demo loops (the browser fetches the chunk once and reuses the module after). */
export function loadDemoData(): Promise<DemoData> {
  return import('./demoData.json').then((m) => m.default as unknown as DemoData);
}

const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export function DemoFigure({ exerciseId, name, size = 96 }: { exerciseId: string; name: string; size?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [data, setData] = useState<DemoData | null>(null);
  const [playing, setPlaying] = useState(() => !reducedMotion());
  const [visible, setVisible] = useState(false);
  const clip = data?.demos[exerciseId] ?? null;

  useEffect(() => {
    void loadDemoData()
      .then(setData)
      .catch(() => setData({ fps: 10, names: [], demos: {} }));
  }, []);

  useEffect(() => {
    const el = canvas.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const io = new IntersectionObserver((es) => setVisible(es.some((e) => e.isIntersecting)));
    io.observe(el);
    return () => io.disconnect();
  }, []);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !data || !clip) return;
    // Still frame: the middle of the loop, where the movement is at its fullest in most windows.
    let i = Math.floor(clip.frames.length / 2);
    drawDemoFrame(ctx, data, clip, i);
    if (!playing || !visible) return;
    i = 0;
    const id = setInterval(() => {
      drawDemoFrame(ctx, data, clip, i++);
    }, 1000 / data.fps);
    return () => clearInterval(id);
  }, [data, clip, playing, visible]);

  if (data && !clip)
    return (
      <div className="demo-figure demo-missing" style={{ width: size, height: size }}>
        No demo for this one yet.
      </div>
    );
  // The figure is its own pause/play button (moving content must be stoppable), so the card needs no
  // extra row for it; the corner mark shows which press comes next. Its name leaves out the exercise (the
  // card around it is named after it), so "Start Plank" stays the one button named after it.
  return (
    <button
      type="button"
      className="demo-figure"
      onClick={() => setPlaying((p) => !p)}
      aria-label={playing ? `Pause the ${name} demo` : `Play the ${name} demo`}
    >
      <canvas
        ref={canvas}
        width={size * 2}
        height={size * 2}
        style={{ width: size, height: size }}
        role="img"
        aria-label={`Moving figure showing the ${name}`}
        data-testid="demo-figure"
      />
      <span className="demo-mark" aria-hidden="true">
        {playing ? '❚❚' : '▶'}
      </span>
    </button>
  );
}
