// Stand-in for @mediapipe/pose. pose-detection's ESM build imports `{Pose}` from it for its
// MediaPipe runtime, which this app never uses (we run BlazePose on the tfjs runtime, from our own
// models/ folder). The real file only sets window.Pose, so Vite's build fails on the import
// (see ../shared/NOTES.md, pitfall 1); and loading it would fetch its assets from a CDN.
export class Pose {
  constructor() {
    throw new Error('The MediaPipe runtime is not bundled: Form Coach runs BlazePose on the tfjs runtime.');
  }
}
export const VERSION = 'not-bundled';
