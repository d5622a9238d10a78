// Whether the coach can speak here, for the live screen and Settings: 'on', 'off' (the person turned it off),
// 'unavailable' (the browser has no speech, or no voice to speak with), or 'checking' (Chromium lists its voices
// a few seconds after start: only then is an empty list news).
import { useEffect, useState } from 'react';
import { useApp } from '../store';
import { speaker } from '../voice';

export type VoiceState = 'on' | 'off' | 'unavailable' | 'checking';

/** How long an empty voice list is given to fill (ms). */
const VOICES_WAIT_MS = 5000;

export function useVoices(): { uri: string; name: string; lang: string }[] {
  const [voices, setVoices] = useState(() => speaker.voices());
  useEffect(() => {
    if (typeof window === 'undefined' || !('speechSynthesis' in window)) return;
    const update = () => setVoices(speaker.voices());
    window.speechSynthesis.addEventListener('voiceschanged', update);
    return () => window.speechSynthesis.removeEventListener('voiceschanged', update);
  }, []);
  return voices;
}

export function useVoiceState(): VoiceState {
  const on = useApp((s) => s.settings.voiceOn);
  const voices = useVoices();
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setWaited(true), VOICES_WAIT_MS);
    return () => clearTimeout(id);
  }, []);
  if (!speaker.available) return 'unavailable';
  if (!on) return 'off';
  if (voices.length > 0) return 'on';
  return waited ? 'unavailable' : 'checking';
}
