// The real pose model behind the PoseSource interface, over @tensorflow-models/pose-detection.
// Works in the browser (models fetched from the app's own /models/) and in Node (models read from disk
// and handed over as tf.io.IOHandler), so the recorder and the app run the very same code.
import type * as tf from '@tensorflow/tfjs-core';
import * as poseDetection from '@tensorflow-models/pose-detection';
import type { Keypoint, Keypoint3D, ModelName, Pose } from '../core/pose';
import { COCO17 } from '../core/pose';
import type { PoseSource } from './types';

/** How to obtain a model file: a URL string (browser) or an IOHandler (Node, tests). */
export type ModelLoader = (jsonFile: string) => string | tf.io.IOHandler;

export type DetectorInput = poseDetection.PoseDetectorInput;

export interface PoseSourceOptions {
  loader: ModelLoader;
  /** Use the model's own temporal filter (both models have one). Default true. */
  smoothing?: boolean;
}

async function createDetector(model: ModelName, opts: PoseSourceOptions): Promise<poseDetection.PoseDetector> {
  const enableSmoothing = opts.smoothing ?? true;
  switch (model) {
    case 'movenet-lightning':
    case 'movenet-thunder':
      return poseDetection.createDetector(poseDetection.SupportedModels.MoveNet, {
        modelType:
          model === 'movenet-lightning'
            ? poseDetection.movenet.modelType.SINGLEPOSE_LIGHTNING
            : poseDetection.movenet.modelType.SINGLEPOSE_THUNDER,
        modelUrl: opts.loader(`${model}.json`),
        enableSmoothing,
      });
    case 'blazepose-lite':
    case 'blazepose-full':
      return poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
        runtime: 'tfjs',
        modelType: model === 'blazepose-lite' ? 'lite' : 'full',
        detectorModelUrl: opts.loader('blazepose-detector.json'),
        landmarkModelUrl: opts.loader(`${model}.json`),
        enableSmoothing,
      });
  }
}

/** Maps a pose-detection pose to ours: COCO-17 first in fixed order (missing → score 0), extra points after. */
export function normalisePose(p: poseDetection.Pose): Pose {
  const byName = new Map<string, poseDetection.Keypoint>();
  for (const k of p.keypoints) if (k.name) byName.set(k.name, k);
  const keypoints: Keypoint[] = COCO17.map((name) => {
    const k = byName.get(name);
    return k ? { name, x: k.x, y: k.y, score: k.score ?? 0 } : { name, x: 0, y: 0, score: 0 };
  });
  const coco = new Set<string>(COCO17);
  for (const k of p.keypoints) {
    if (k.name && !coco.has(k.name)) keypoints.push({ name: k.name, x: k.x, y: k.y, score: k.score ?? 0 });
  }
  const score = p.score ?? keypoints.slice(0, 17).reduce((s, k) => s + k.score, 0) / 17;
  if (!p.keypoints3D?.length) return { keypoints, score };
  // BlazePose's world points (metres about the hips), put in the 2D points' order so index i is the same joint.
  const by3D = new Map<string, poseDetection.Keypoint>();
  for (const k of p.keypoints3D) if (k.name) by3D.set(k.name, k);
  const keypoints3D = keypoints.map((k): Keypoint3D => {
    const w = by3D.get(k.name);
    return w ? { name: k.name, x: w.x, y: w.y, z: w.z ?? 0, score: w.score ?? 0 } : { name: k.name, x: 0, y: 0, z: 0, score: 0 };
  });
  return { keypoints, score, keypoints3D };
}

export async function createPoseSource(model: ModelName, opts: PoseSourceOptions): Promise<PoseSource<DetectorInput>> {
  const detector = await createDetector(model, opts);
  return {
    model,
    async estimate(input, timestampMs) {
      const poses = await detector.estimatePoses(input, { maxPoses: 1, flipHorizontal: false }, timestampMs);
      return poses.map(normalisePose);
    },
    reset: () => detector.reset(),
    dispose: () => detector.dispose(),
  };
}
