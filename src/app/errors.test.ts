import { describe, expect, it } from 'vitest';
import { BackendStartError } from '../pose/backendStart';
import type { BackendNotice } from '../pose/backend';
import { PoseWorkerError, workerFailure } from '../pose/worker/protocol';
import type { AppError } from './errors';
import { cameraFailure, cameraUnavailable, describeFailure, ModelLoadError, noticeTechnical, noticeTexts, technicalText } from './errors';

/** Words from libraries, exceptions and stacks that a person must never be shown. */
const LIBRARY_WORDS =
  /registry|reading '|undefined|TypeError|Error:|DOMException|tensor|tfjs|TensorFlow|backend|\bwasm\b|webgl|SIMD|getUserMedia|\.js\b|\bat \S+ \(|HTTP \d{3}/i;

/** What the screen shows without opening Details. */
const visible = (a: AppError) => `${a.title}\n${a.detail}`;

function domException(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

// Failures as the app meets them: the raw messages are the ones seen in the browser (issue 10) or thrown by
// the code that meets them (browserLoader, tfjs, the worker protocol).
const FAILURES: { label: string; error: unknown; when: 'starting' | 'running'; kind: AppError['kind']; raw: string }[] = [
  {
    label: 'wasm backend missing from the registry',
    error: new BackendStartError([
      { kind: 'fallback', backend: 'wasm', detail: "Backend name 'wasm' not found in registry" },
      { kind: 'fallback', backend: 'cpu', detail: 'The cpu backend failed to start' },
    ]),
    when: 'starting',
    kind: 'backend',
    raw: "Backend name 'wasm' not found in registry",
  },
  {
    label: 'tfjs reshape on another engine, mid-set',
    error: new TypeError("Cannot read properties of undefined (reading 'get')"),
    when: 'running',
    kind: 'detection-stopped',
    raw: "Cannot read properties of undefined (reading 'get')",
  },
  {
    label: 'model file missing',
    error: Object.assign(new Error('Model file movenet-thunder.bin is missing. Run `npm run models` in the project folder, then reload.'), {
      file: 'movenet-thunder.bin',
    }),
    when: 'starting',
    kind: 'model-files',
    raw: 'movenet-thunder.bin',
  },
  {
    label: 'model weights corrupt',
    error: new ModelLoadError(
      'movenet-thunder',
      new Error('Based on the provided shape, [3,3,32,1], the tensor should have 288 values but has 64'),
    ),
    when: 'starting',
    kind: 'model-other',
    raw: 'the tensor should have 288 values but has 64',
  },
  {
    label: 'worker cannot start',
    error: new PoseWorkerError(workerFailure('the worker script could not be loaded or crashed', true)),
    when: 'starting',
    kind: 'backend',
    raw: 'the worker script could not be loaded or crashed',
  },
  {
    label: 'worker dies mid-set',
    error: new PoseWorkerError(workerFailure('Uncaught RangeError: Array buffer allocation failed', false)),
    when: 'running',
    kind: 'detection-stopped',
    raw: 'Array buffer allocation failed',
  },
  {
    label: 'worker reports a backend failure',
    error: new PoseWorkerError({ kind: 'backend', message: 'No TensorFlow.js backend could start. wasm: failed.' }),
    when: 'starting',
    kind: 'backend',
    raw: 'No TensorFlow.js backend could start',
  },
  {
    label: 'worker model load',
    error: new PoseWorkerError({ kind: 'model-load', message: 'The movenet-lightning model could not be loaded: bad weights' }),
    when: 'starting',
    kind: 'model-other',
    raw: 'bad weights',
  },
  {
    label: 'worker estimate',
    error: new PoseWorkerError({ kind: 'estimate', message: 'estimatePoses: out of memory' }),
    when: 'running',
    kind: 'detection-stopped',
    raw: 'out of memory',
  },
  {
    label: 'something unforeseen at start',
    error: new RangeError('Invalid array length at foo (main.js:1:2)'),
    when: 'starting',
    kind: 'unknown',
    raw: 'Invalid array length',
  },
  {
    label: 'a thrown string',
    error: 'oops: undefined is not a function',
    when: 'starting',
    kind: 'unknown',
    raw: 'undefined is not a function',
  },
  {
    label: 'camera denied',
    error: domException('NotAllowedError', 'Permission denied'),
    when: 'starting',
    kind: 'camera-denied',
    raw: 'Permission denied',
  },
  {
    label: 'camera busy',
    error: domException('NotReadableError', 'Could not start video source'),
    when: 'starting',
    kind: 'camera-busy',
    raw: 'Could not start video source',
  },
  {
    label: 'no camera',
    error: domException('NotFoundError', 'Requested device not found'),
    when: 'starting',
    kind: 'no-camera',
    raw: 'Requested device not found',
  },
  {
    label: 'camera, anything else',
    error: domException('TypeError', "Failed to execute 'getUserMedia' on 'MediaDevices'"),
    when: 'starting',
    kind: 'camera-other',
    raw: "Failed to execute 'getUserMedia'",
  },
];

describe('describeFailure / cameraFailure', () => {
  for (const f of FAILURES) {
    it(`${f.label}: says what happened in plain words; the raw message only in the technical part`, () => {
      const isCamera = f.label.startsWith('camera') || f.label === 'no camera';
      const a = isCamera ? describeFailure({ appError: cameraFailure(f.error) }) : describeFailure(f.error, f.when);
      expect(a.kind).toBe(f.kind);
      expect(visible(a)).not.toMatch(LIBRARY_WORDS);
      expect(visible(a)).not.toContain(f.raw);
      expect(a.technical).toContain(f.raw);
      // Every screen says what to do next.
      expect(a.detail).toMatch(/Try again|reload|Reload|Allow|Connect|Settings|Open/);
    });
  }

  it('a missing or damaged model file: a person is told whom to ask, the command and the file are for Details', () => {
    const a = describeFailure(
      Object.assign(new Error('Model file blazepose-lite.json is corrupt (not JSON).'), { file: 'blazepose-lite.json' }),
    );
    expect(a.title).toBe('A model file is missing or damaged');
    expect(a.detail).not.toMatch(/npm|`/);
    expect(a.detail).toContain('Try again');
    expect(a.technical).toMatch(/^blazepose-lite\.json: Error: Model file blazepose-lite\.json is corrupt/);
    expect(a.technical).toContain('npm run models');
  });

  it("offline, with the model not downloaded yet: says so in a person's words (connect once), never a command", () => {
    const e = Object.assign(new Error('Model file movenet-thunder.bin is missing.'), { file: 'movenet-thunder.bin' });
    const a = describeFailure(e, 'starting', { offline: true });
    expect(a.kind).toBe('offline-model');
    expect(a.detail).toMatch(/^You’re offline and the pose model isn’t downloaded yet: connect/);
    expect(a.detail).not.toMatch(/npm|`|movenet/);
    expect(a.technical).toContain('movenet-thunder.bin');
    // Online, the same file missing is a damaged install.
    expect(describeFailure(e, 'starting', { offline: false }).kind).toBe('model-files');
  });

  it('no screen shows a command to type', () => {
    for (const f of FAILURES) expect(describeFailure(f.error, f.when).detail).not.toMatch(/`|npm run/);
  });

  it('the model-load screen names the cause in the technical part', () => {
    const a = describeFailure(new ModelLoadError('movenet-thunder', new Error('weights too short')));
    expect(a.technical).toMatch(
      /^ModelLoadError: The movenet-thunder model could not be loaded: weights too short \(cause: Error: weights too short\)/,
    );
  });

  it('a worker failure points to the Settings switch that turns the background thread off', () => {
    const start = describeFailure(new PoseWorkerError(workerFailure('x', true)), 'starting');
    expect(start.title).toBe('The pose engine could not start');
    expect(start.detail).toContain('background thread');
    expect(describeFailure(new PoseWorkerError(workerFailure('x', false)), 'running').title).toBe('Pose detection stopped');
  });

  it('detection stopping mid-set says the counts are kept', () => {
    expect(describeFailure(new Error('boom'), 'running').detail).toContain('What was counted so far is kept');
  });

  it('an error already worded (CameraError carries its AppError) is shown as it is', () => {
    const worded = cameraUnavailable();
    expect(describeFailure({ name: 'CameraError', message: 'x', appError: worded })).toBe(worded);
    expect(visible(worded)).not.toMatch(LIBRARY_WORDS);
  });
});

describe('technicalText', () => {
  it('is name and message, never the stack', () => {
    const e = new TypeError("Cannot read properties of undefined (reading 'get')");
    expect(technicalText(e)).toBe("TypeError: Cannot read properties of undefined (reading 'get')");
    expect(technicalText('plain')).toBe('plain');
    expect(technicalText({ name: 'NotAllowedError', message: '' })).toBe('NotAllowedError');
  });
});

describe('noticeTexts', () => {
  const all: BackendNotice[] = [
    { kind: 'fallback', backend: 'wasm', detail: "Backend name 'wasm' not found in registry" },
    { kind: 'fallback', backend: 'webgl', detail: 'The webgl backend did not start within 5 s' },
    { kind: 'webgl-lost' },
    { kind: 'software-webgl', renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)' },
    { kind: 'no-webgl' },
    { kind: 'no-simd' },
    { kind: 'worker-no-webgl', backend: 'wasm' },
  ];

  it('words every notice without library words, and keeps the technical side for the console', () => {
    for (const active of ['cpu', 'wasm'] as const) {
      const texts = noticeTexts(all, active);
      expect(texts.length).toBeGreaterThanOrEqual(6);
      for (const t of texts) expect(t).not.toMatch(LIBRARY_WORDS);
    }
    expect(noticeTechnical(all[0]!)).toContain("Backend name 'wasm' not found in registry");
    expect(noticeTechnical(all[3]!)).toContain('SwiftShader');
  });

  it('two fallbacks give one sentence; landing on the slowest engine says the counts will lag', () => {
    const two = noticeTexts([all[1]!, all[0]!], 'cpu');
    expect(two).toHaveLength(1);
    expect(two[0]).toMatch(/slowest mode: the skeleton and the counts will lag/);
    expect(noticeTexts([all[1]!], 'wasm')[0]).toMatch(/uses another one, which may be slower/);
    expect(noticeTexts([], 'wasm')).toEqual([]);
  });
});
