// drawSkeleton against a recording stand-in for CanvasRenderingContext2D: what is drawn where, in which
// colour and opacity, and that a fault is marked by shape (a larger ring with a bar) as well as colour.
import { describe, expect, it } from 'vitest';
import type { Pose } from '../core/pose';
import { COCO17 } from '../core/pose';
import { COCO_EDGES, drawSkeleton, SKELETON_COLOURS } from './skeleton';

interface Op {
  op: string;
  args: number[];
  alpha: number;
  stroke: string;
  fill: string;
}

function recorder() {
  const ops: Op[] = [];
  const state = { globalAlpha: 1, strokeStyle: '', fillStyle: '', lineWidth: 1, lineCap: '', font: '', textBaseline: '' };
  const stack: (typeof state)[] = [];
  const rec =
    (op: string) =>
    (...args: number[]) => {
      ops.push({ op, args, alpha: state.globalAlpha, stroke: state.strokeStyle, fill: state.fillStyle });
    };
  const ctx = Object.assign(state, {
    save: () => stack.push({ ...state }),
    restore: () => Object.assign(state, stack.pop()),
    beginPath: rec('beginPath'),
    moveTo: rec('moveTo'),
    lineTo: rec('lineTo'),
    arc: rec('arc'),
    stroke: rec('stroke'),
    fill: rec('fill'),
    setLineDash: () => {},
    translate: () => {},
    scale: () => {},
    strokeText: () => {},
    fillText: rec('fillText'),
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, ops };
}

const pose = (score: (name: string) => number): Pose => ({
  score: 0.9,
  keypoints: COCO17.map((name, i) => ({ name, x: 10 * i, y: 5 * i, score: score(name) })),
});

describe('drawSkeleton', () => {
  it('draws every COCO edge and joint of a confident pose at full opacity', () => {
    const { ctx, ops } = recorder();
    drawSkeleton(
      ctx,
      pose(() => 0.9),
    );
    // Each edge is stroked twice (dark outline, then colour).
    expect(ops.filter((o) => o.op === 'lineTo')).toHaveLength(COCO_EDGES.length * 2);
    const joints = ops.filter((o) => o.op === 'arc');
    expect(joints).toHaveLength(17);
    expect(joints.every((o) => o.alpha === 1)).toBe(true);
    expect(joints[5]?.args.slice(0, 2)).toEqual([50, 25]); // left_shoulder at its image position
  });

  it('fades points under the score threshold and skips missing ones', () => {
    const { ctx, ops } = recorder();
    drawSkeleton(
      ctx,
      pose((n) => (n === 'left_knee' ? 0.1 : n === 'right_knee' ? 0 : 0.9)),
      { minScore: 0.3 },
    );
    const joints = ops.filter((o) => o.op === 'arc');
    expect(joints).toHaveLength(16);
    const knee = joints.find((o) => o.args[0] === 130);
    expect(knee?.alpha).toBeLessThan(1);
  });

  it('marks a fault in red with a larger ring and a bar, and labels it', () => {
    const { ctx, ops } = recorder();
    drawSkeleton(
      ctx,
      pose(() => 0.9),
      { styles: { left_hip: 'fault' }, labels: { left_hip: 'Hips sagging' } },
    );
    const hip = ops.filter((o) => o.op === 'arc' && o.args[0] === 110);
    expect(hip.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...hip.map((o) => o.args[2]!))).toBeGreaterThan(10); // ring, vs 5.5 px dots
    expect(ops.some((o) => o.op === 'stroke' && o.stroke === SKELETON_COLOURS.fault)).toBe(true);
    expect(ops.filter((o) => o.op === 'fillText')).toHaveLength(1);
  });

  it("draws 'unknown' joints hollow and faded", () => {
    const { ctx, ops } = recorder();
    drawSkeleton(
      ctx,
      pose(() => 0.9),
      { styles: { nose: 'unknown' } },
    );
    const i = ops.findIndex((o) => o.op === 'arc' && o.args[0] === 0);
    const next = ops.slice(i + 1, i + 3).map((o) => o.op);
    expect(ops[i]?.alpha).toBeLessThan(1);
    expect(next).not.toContain('fill');
  });
});
