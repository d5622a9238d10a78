import type { ModelName } from '../../core/pose';
import { MODEL_NAMES } from '../../core/pose';
import type { BackendSetting } from '../../pose/backend';
import { BACKEND_SETTINGS } from '../../pose/backend';
import { MODEL_LABELS } from '../models';
import { updateSettings, useApp } from '../store';

const BACKEND_LABELS: Record<BackendSetting, string> = {
  auto: 'Automatic (GPU if there is a real one)',
  webgl: 'WebGL (GPU)',
  wasm: 'WebAssembly (CPU, fast)',
  cpu: 'Plain JavaScript (slowest)',
};

export function SettingsPanel() {
  const settings = useApp((s) => s.settings);
  const cameras = useApp((s) => s.cameras);
  const active = useApp((s) => s.backend);
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <label className="field">
        <span>Pose model</span>
        <select value={settings.model} onChange={(e) => updateSettings({ model: e.target.value as ModelName })}>
          {MODEL_NAMES.map((m) => <option key={m} value={m}>{MODEL_LABELS[m].name}</option>)}
        </select>
        <small>{MODEL_LABELS[settings.model].tradeOff}</small>
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
      <label className="check">
        <input type="checkbox" checked={settings.showDebug} onChange={(e) => updateSettings({ showDebug: e.target.checked })} />
        <span>Show speed readout</span>
      </label>
    </section>
  );
}
