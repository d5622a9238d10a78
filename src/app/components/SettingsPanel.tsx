import type { ModelName } from '../../core/pose';
import { MODEL_NAMES } from '../../core/pose';
import type { BackendSetting } from '../../pose/backend';
import { BACKEND_SETTINGS } from '../../pose/backend';
import { MODEL_LABELS } from '../models';
import { speedFor, speedShort, speedText } from '../modelSpeed';
import { useModelSpeeds } from '../speedStore';
import { updateSettings, useApp } from '../store';
import { useEffect, useState } from 'react';
import { speaker } from '../voice';

/** The browser's voices; Chromium fills the list asynchronously (voiceschanged). */
function useVoices() {
  const [voices, setVoices] = useState(() => speaker.voices());
  useEffect(() => {
    if (typeof window === 'undefined' || !('speechSynthesis' in window)) return;
    const update = () => setVoices(speaker.voices());
    window.speechSynthesis.addEventListener('voiceschanged', update);
    return () => window.speechSynthesis.removeEventListener('voiceschanged', update);
  }, []);
  return voices;
}

const BACKEND_LABELS: Record<BackendSetting, string> = {
  auto: 'Automatic (GPU if there is a real one)',
  webgl: 'WebGL (GPU)',
  wasm: 'WebAssembly (CPU, fast)',
  cpu: 'Plain JavaScript (slowest)',
};

export function SettingsPanel({ full = false }: { full?: boolean }) {
  const settings = useApp((s) => s.settings);
  const voices = useVoices();
  const cameras = useApp((s) => s.cameras);
  const active = useApp((s) => s.backend);
  const speeds = useModelSpeeds();
  const speedOf = (m: ModelName) => speedFor(speeds, m, active?.active ?? null);
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <label className="field">
        <span>Pose model</span>
        <select value={settings.model} onChange={(e) => updateSettings({ model: e.target.value as ModelName })}>
          {MODEL_NAMES.map((m) => {
            const speed = speedShort(speedOf(m));
            return <option key={m} value={m}>{MODEL_LABELS[m].name}{speed ? ` (${speed})` : ''}</option>;
          })}
        </select>
        <small>{MODEL_LABELS[settings.model].tradeOff}</small>
        <small data-testid="model-speed">{speedText(speedOf(settings.model), active?.active ?? null)}</small>
      </label>
      <label className="field">
        <span>Engine</span>
        <select value={settings.backend} onChange={(e) => updateSettings({ backend: e.target.value as BackendSetting })}>
          {BACKEND_SETTINGS.map((b) => <option key={b} value={b}>{BACKEND_LABELS[b]}</option>)}
        </select>
        {active && <small>Running on {active.active}{active.active === 'wasm' && active.simd ? ' with SIMD' : ''}.</small>}
      </label>
      <label className="field">
        <span>Camera</span>
        <select
          value={settings.cameraId ?? ''}
          onChange={(e) => updateSettings({ cameraId: e.target.value || null })}
          disabled={cameras.length === 0}
        >
          <option value="">Default camera</option>
          {cameras.map((c) => <option key={c.deviceId} value={c.deviceId}>{c.label}</option>)}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.mirror} onChange={(e) => updateSettings({ mirror: e.target.checked })} />
        <span>Mirror the picture</span>
      </label>
      {full && (
        <>
          <h3>Voice</h3>
          {!speaker.available && <p className="hint">This browser cannot speak; cues are shown on screen only.</p>}
          <label className="check">
            <input type="checkbox" checked={settings.voiceOn} disabled={!speaker.available} onChange={(e) => { updateSettings({ voiceOn: e.target.checked }); if (!e.target.checked) speaker.cancel(); }} />
            <span>Speak cues aloud</span>
          </label>
          <label className="field">
            <span>Which voice</span>
            <select value={settings.voiceURI ?? ''} disabled={!speaker.available || voices.length === 0} onChange={(e) => updateSettings({ voiceURI: e.target.value || null })}>
              <option value="">Browser default</option>
              {voices.map((v) => <option key={v.uri} value={v.uri}>{v.name} ({v.lang})</option>)}
            </select>
          </label>
          <div className="row">
            <button type="button" disabled={!speaker.available || !settings.voiceOn} onClick={() => { speaker.enabled = true; speaker.setVoice(settings.voiceURI); speaker.cancel(); speaker.say('Keep your back long and breathe out as you lift.'); }}>
              Try the voice
            </button>
          </div>
          <h3>Display</h3>
          <label className="field">
            <span>Hold times written as</span>
            <select value={settings.timeUnits} onChange={(e) => updateSettings({ timeUnits: e.target.value === 'seconds' ? 'seconds' : 'minutes' })}>
              <option value="minutes">minutes:seconds (0:30)</option>
              <option value="seconds">seconds (30 s)</option>
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={settings.highContrast} onChange={(e) => updateSettings({ highContrast: e.target.checked })} />
            <span>High contrast</span>
          </label>
        </>
      )}
      <label className="check">
        <input type="checkbox" checked={settings.showDebug} onChange={(e) => updateSettings({ showDebug: e.target.checked })} />
        <span>Show speed readout</span>
      </label>
      {full && settings.showDebug && (
        // Opt-in and experimental, so it shows with the speed readout only (also ?worker=1 in the address).
        <label className="check">
          <input type="checkbox" checked={settings.worker} onChange={(e) => updateSettings({ worker: e.target.checked })} />
          <span>Run the pose model in a background thread</span>
        </label>
      )}
    </section>
  );
}
