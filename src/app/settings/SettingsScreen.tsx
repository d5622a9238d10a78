// Settings on their own screen: model, engine, camera, mirror, voice, units, contrast. Saved in this
// browser (localStorage) as soon as they change.
import { SettingsPanel } from '../components/SettingsPanel';

export function SettingsScreen() {
  return (
    <div className="settings-screen">
      <SettingsPanel full />
      <p className="hint">
        Settings are saved in this browser as you change them. A new model or camera is used the next time the camera starts.
      </p>
    </div>
  );
}
