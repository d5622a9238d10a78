// The recorded keypoint stream format, `form-coach/keypoints@1` (documented in test-fixtures/README.md).
// Readers accept any file that carries the COCO-17 names, whatever model made it; a name the file lacks
// is a point with score 0. A frame with an empty `keypoints` array means "nobody found".
// Optional, per frame: `keypoints3D`, BlazePose's world points in metres, one [x, y, z] per name in the same
// order (their score is the 2D point's). Readers that do not know it ignore it.
import type { Keypoint, Keypoint3D, ModelName, Pose, PoseFrame } from './pose';
import { COCO17 } from './pose';

export const FIXTURE_FORMAT = 'form-coach/keypoints@1';

export type FixtureKeypoint = [x: number, y: number, score: number];
/** Metres about the hips (see Keypoint3D); the score is the 2D point's. */
export type FixtureKeypoint3D = [x: number, y: number, z: number];

export interface FixtureFrame {
  t: number;
  keypoints: FixtureKeypoint[];
  keypoints3D?: FixtureKeypoint3D[];
}

export interface KeypointFixture {
  format: typeof FIXTURE_FORMAT;
  source: string;
  model: ModelName | string;
  keypointNames: string[];
  width: number;
  height: number;
  fps: number;
  frames: FixtureFrame[];
}

export class FixtureError extends Error {}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a parsed JSON value as a fixture. Throws FixtureError with a one-line reason. */
export function parseFixture(v: unknown): KeypointFixture {
  if (!isObj(v)) throw new FixtureError('not a JSON object');
  if (v.format !== FIXTURE_FORMAT) throw new FixtureError(`format is ${JSON.stringify(v.format)}, expected "${FIXTURE_FORMAT}"`);
  const names = v.keypointNames;
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string'))
    throw new FixtureError('keypointNames must be an array of strings');
  const missing = COCO17.filter((n) => !names.includes(n));
  if (missing.length === COCO17.length) throw new FixtureError('keypointNames has none of the COCO-17 names');
  for (const k of ['width', 'height', 'fps'] as const) {
    if (typeof v[k] !== 'number' || !Number.isFinite(v[k]) || (v[k] as number) <= 0)
      throw new FixtureError(`${k} must be a positive number`);
  }
  if (!Array.isArray(v.frames)) throw new FixtureError('frames must be an array');
  v.frames.forEach((f, i) => {
    if (!isObj(f) || typeof f.t !== 'number' || !Array.isArray(f.keypoints))
      throw new FixtureError(`frame ${i} must be {t: number, keypoints: [...]}`);
    if (f.keypoints.length !== 0 && f.keypoints.length !== names.length) {
      throw new FixtureError(`frame ${i} has ${f.keypoints.length} keypoints, keypointNames has ${names.length}`);
    }
    if (f.keypoints3D !== undefined) {
      const k3 = f.keypoints3D;
      if (!Array.isArray(k3) || k3.length !== f.keypoints.length || !k3.every((k) => Array.isArray(k) && k.length === 3)) {
        throw new FixtureError(`frame ${i}: keypoints3D must hold one [x, y, z] per keypoint`);
      }
    }
  });
  return v as unknown as KeypointFixture;
}

const num = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : 0);

/** Turns a fixture into the engine's input stream: COCO-17 first in fixed order, extra points after. */
export function fixtureToFrames(f: KeypointFixture): PoseFrame[] {
  const index = new Map(f.keypointNames.map((n, i) => [n, i] as const));
  const extra = f.keypointNames.filter((n) => !(COCO17 as readonly string[]).includes(n));
  return f.frames.map((fr) => {
    if (fr.keypoints.length === 0) return { t: fr.t, width: f.width, height: f.height, poses: [] };
    const pick = (name: string): Keypoint => {
      const i = index.get(name);
      const k = i === undefined ? undefined : fr.keypoints[i];
      if (!k) return { name, x: 0, y: 0, score: 0 };
      const score = num(k[2]);
      return { name, x: num(k[0]), y: num(k[1]), score: score < 0 ? 0 : score > 1 ? 1 : score };
    };
    const keypoints = [...COCO17.map(pick), ...extra.map(pick)];
    const score = keypoints.slice(0, 17).reduce((s, k) => s + k.score, 0) / 17;
    const w = fr.keypoints3D;
    if (!w) return { t: fr.t, width: f.width, height: f.height, poses: [{ keypoints, score }] };
    const keypoints3D = keypoints.map((k): Keypoint3D => {
      const i = index.get(k.name);
      const p = i === undefined ? undefined : w[i];
      return p ? { name: k.name, x: num(p[0]), y: num(p[1]), z: num(p[2]), score: k.score } : { name: k.name, x: 0, y: 0, z: 0, score: 0 };
    });
    const pose: Pose = { keypoints, score, keypoints3D };
    return { t: fr.t, width: f.width, height: f.height, poses: [pose] };
  });
}

/**
 * Builds a fixture from a stream of frames (first pose of each frame; none → empty keypoints).
 * `points`, when given, keeps only those names (in the pose's order); world points go along when a pose has them.
 */
export function framesToFixture(
  frames: readonly PoseFrame[],
  meta: { source: string; model: string; fps: number; points?: readonly string[] | undefined },
): KeypointFixture {
  const first = frames.find((f) => f.poses.length > 0)?.poses[0];
  const all = first ? first.keypoints.map((k) => k.name) : [...COCO17];
  const keypointNames = meta.points ? all.filter((n) => meta.points!.includes(n)) : all;
  const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    format: FIXTURE_FORMAT,
    source: meta.source,
    model: meta.model,
    keypointNames,
    width: frames[0]?.width ?? 0,
    height: frames[0]?.height ?? 0,
    fps: meta.fps,
    frames: frames.map((f) => {
      const p = f.poses[0];
      if (!p) return { t: round(f.t, 1), keypoints: [] };
      const byName = new Map(p.keypoints.map((k) => [k.name, k] as const));
      const out: FixtureFrame = {
        t: round(f.t, 1),
        keypoints: keypointNames.map((n): FixtureKeypoint => {
          const k = byName.get(n);
          return k ? [round(k.x, 1), round(k.y, 1), round(k.score, 3)] : [0, 0, 0];
        }),
      };
      if (p.keypoints3D) {
        // Millimetres are finer than the model's own error (centimetres), and keep the files small.
        const by3D = new Map(p.keypoints3D.map((k) => [k.name, k] as const));
        out.keypoints3D = keypointNames.map((n): FixtureKeypoint3D => {
          const k = by3D.get(n);
          return k ? [round(k.x, 3), round(k.y, 3), round(k.z, 3)] : [0, 0, 0];
        });
      }
      return out;
    }),
  };
}
