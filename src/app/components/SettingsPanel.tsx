// Settings in plain words: camera, accuracy, voice, display. What only matters for testing and
// troubleshooting (the pose model by name, the engine, the speed readout, the background thread,
// keypoint recording, the camera check) sits in a folded "Advanced" section of the Settings screen.
// The camera check screen shows the technical controls directly (`full` false): that screen is for them.
import type { ModelName } from '../../core/pose';
import { MODEL_NAMES } from '../../core/pose';
import type { BackendSetting } from '../../pose/backend';
import { BACKEND_SETTINGS } from '../../pose/backend';
import { MODEL_LABELS } from '../models';
import { engineText, speedFor, speedShort, speedText } from '../modelSpeed';
import { useModelSpeeds } from '../speedStore';
import { DEFAULT_SETTINGS, updateSettings, useApp } from '../store';
import type { Settings } from '../store';
import { useState } from 'react';
import { speaker } from '../voice';
import { VOICE_WORDS } from '../../words/liveWords';
import { useVoices, useVoiceState } from './useVoiceState';
import { RecordPanel } from './RecordPanel';
import { OfflineStatus } from '../offline/OfflineStatus';
import { ACCURACY } from '../settings/accuracy';

const BACKEND_LABELS: Record<BackendSetting, string> = {
  // Short enough not to be cut off in the camera check's narrow column; the hint under it says the rest.
  auto: 'Automatic',
  webgl: 'WebGL (GPU)',
  wasm: 'WebAssembly (CPU, fast)',
  cpu: 'Plain JavaScript (slowest)',
};

/** Advanced opens by itself when something in it differs from the defaults, so a changed setting is never hidden. */
const advancedChanged = (s: Settings) =>
  s.showDebug || s.worker || s.backend !== DEFAULT_SETTINGS.backend || !ACCURACY.some((a) => a.model === s.model);

export function SettingsPanel({ full = false }: { full?: boolean }) {
  const settings = useApp((s) => s.settings);
  const cameras = useApp((s) => s.cameras);
  const [advancedOpen] = useState(() => advancedChanged(settings));
  const camera = (
    <>
      <label className="field">
        <span>Which camera</span>
        <select
          value={settings.cameraId ?? ''}
          onChange={(e) => updateSettings({ cameraId: e.target.value || null })}
          disabled={cameras.length === 0}
        >
          <option value="">Default camera</option>
          {cameras.map((c) => (
            <option key={c.deviceId} value={c.deviceId}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.mirror} onChange={(e) => updateSettings({ mirror: e.target.checked })} />
        <span>Mirror the picture</span>
      </label>
    </>
  );

  if (!full) {
    return (
      <section className="panel" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <TechnicalFields />
        {camera}
        <SpeedReadout />
      </section>
    );
  }
  const other = !ACCURACY.some((a) => a.model === settings.model);
  return (
    <section className="panel settings-panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <h3>Camera</h3>
      {camera}
      <h3>Checking your form</h3>
      <label className="field">
        <span>Accuracy</span>
        <select value={settings.model} onChange={(e) => updateSettings({ model: e.target.value as ModelName })}>
          {ACCURACY.map((a) => (
            <option key={a.model} value={a.model}>
              {a.label}
            </option>
          ))}
          {other && <option value={settings.model}>Another choice, made under Advanced</option>}
        </select>
        <small>Best checks your form most closely. Choose Faster if the counting lags behind you.</small>
      </label>
      <VoiceFields />
      <h3>Display</h3>
      <label className="field">
        <span>Hold times written as</span>
        <select
          value={settings.timeUnits}
          onChange={(e) => updateSettings({ timeUnits: e.target.value === 'seconds' ? 'seconds' : 'minutes' })}
        >
          <option value="minutes">minutes:seconds (0:30)</option>
          <option value="seconds">seconds (30 s)</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.highContrast} onChange={(e) => updateSettings({ highContrast: e.target.checked })} />
        <span>High contrast</span>
      </label>
      <OfflineStatus />
      <details className="advanced" open={advancedOpen}>
        <summary>Advanced: for testing and troubleshooting</summary>
        <p className="hint">You should not need these to exercise. They name the parts that find your body in the picture.</p>
        <TechnicalFields />
        <SpeedReadout />
        {settings.showDebug && (
          // Opt-in and experimental, so it shows with the speed readout only (also ?worker=1 in the address).
          <label className="check">
            <input type="checkbox" checked={settings.worker} onChange={(e) => updateSettings({ worker: e.target.checked })} />
            <span>Run the pose model in a background thread</span>
          </label>
        )}
        <RecordPanel />
        <p>
          <a href="#/camera">Camera check</a>: the camera picture with the body points found, the speed readout and keypoint recording,
          without starting a set.
        </p>
      </details>
    </section>
  );
}

/** The pose model by name and the engine it runs on. */
function TechnicalFields() {
  const settings = useApp((s) => s.settings);
  const active = useApp((s) => s.backend);
  const speeds = useModelSpeeds();
  const speedOf = (m: ModelName) => speedFor(speeds, m, active?.active ?? null);
  return (
    <>
      <label className="field">
        <span>Pose model</span>
        <select value={settings.model} onChange={(e) => updateSettings({ model: e.target.value as ModelName })}>
          {MODEL_NAMES.map((m) => {
            const speed = speedShort(speedOf(m));
            return (
              <option key={m} value={m}>
                {MODEL_LABELS[m].name}
                {speed ? ` (${speed})` : ''}
              </option>
            );
          })}
        </select>
        <small>{MODEL_LABELS[settings.model].tradeOff}</small>
        <small data-testid="model-speed">{speedText(speedOf(settings.model), active?.active ?? null)}</small>
      </label>
      <label className="field">
        <span>Engine</span>
        <select value={settings.backend} onChange={(e) => updateSettings({ backend: e.target.value as BackendSetting })}>
          {BACKEND_SETTINGS.map((b) => (
            <option key={b} value={b}>
              {BACKEND_LABELS[b]}
            </option>
          ))}
        </select>
        {settings.backend === 'auto' && <small>Uses the graphics card when there is a real one.</small>}
        {active && <small data-testid="engine-threads">{engineText(active)}</small>}
      </label>
    </>
  );
}

function SpeedReadout() {
  const showDebug = useApp((s) => s.settings.showDebug);
  return (
    <label className="check">
      <input type="checkbox" checked={showDebug} onChange={(e) => updateSettings({ showDebug: e.target.checked })} />
      <span>Show speed readout</span>
    </label>
  );
}

function VoiceFields() {
  const settings = useApp((s) => s.settings);
  const all = useVoices();
  // The cues are English: list English voices (Linux's espeak-ng alone offers thousands in every language).
  const english = all.filter((v) => /^en\b/i.test(v.lang) || v.uri === settings.voiceURI);
  const voices = english.length > 0 ? english : all;
  const state = useVoiceState();
  return (
    <>
      <h3>Voice</h3>
      {state === 'unavailable' && (
        <p className="hint" data-testid="no-voices">
          {VOICE_WORDS.unavailable} {VOICE_WORDS.howTo}
        </p>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={settings.voiceOn}
          disabled={!speaker.available}
          onChange={(e) => {
            updateSettings({ voiceOn: e.target.checked });
            if (!e.target.checked) speaker.cancel();
          }}
        />
        <span>Speak cues aloud</span>
      </label>
      <label className="field">
        <span>Which voice</span>
        <select
          value={settings.voiceURI ?? ''}
          disabled={!speaker.available || voices.length === 0}
          onChange={(e) => updateSettings({ voiceURI: e.target.value || null })}
        >
          <option value="">Browser default</option>
          {voices.map((v) => (
            <option key={v.uri} value={v.uri}>
              {v.name} ({v.lang})
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button
          type="button"
          disabled={!speaker.available || !settings.voiceOn}
          onClick={() => {
            speaker.enabled = true;
            speaker.setVoice(settings.voiceURI);
            speaker.cancel();
            speaker.say('Keep your back long and breathe out as you lift.');
          }}
        >
          Try the voice
        </button>
      </div>
    </>
  );
}
