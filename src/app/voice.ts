// Spoken cues through the Web Speech API, with one rule: never speak over itself. While an utterance
// plays, the next cue waits; if a newer one arrives before that, it replaces the waiting one (the coach
// should say what is true now, not work through a backlog). Browsers without speechSynthesis stay silent.

/** The parts of SpeechSynthesis used here (a fake stands in for it in the unit test). */
export interface SynthLike {
  speak(u: SpeechSynthesisUtterance): void;
  cancel(): void;
  getVoices(): SpeechSynthesisVoice[];
}

export interface SpeakerOptions {
  /** The synthesizer, or a function giving it when first needed (so nothing is read at import). */
  synth: SynthLike | null | (() => SynthLike | null);
  makeUtterance: (text: string) => SpeechSynthesisUtterance;
  /** Fallback when 'end' never fires (seen with voiceless headless browsers): ms allowed for a text. */
  timeoutFor?: (text: string) => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (h: unknown) => void;
}

/** Roughly 2.5 words a second plus slack; a stuck utterance is given up after that. */
const defaultTimeout = (text: string) => 1500 + text.length * 90;

export class Speaker {
  private speaking: string | null = null;
  private queued: string | null = null;
  private timer: unknown = null;
  private voiceURI: string | null = null;
  enabled = true;

  private synthCache: SynthLike | null | undefined = undefined;

  constructor(private readonly o: SpeakerOptions) {}

  private get synth(): SynthLike | null {
    if (this.synthCache === undefined) this.synthCache = typeof this.o.synth === 'function' ? this.o.synth() : this.o.synth;
    return this.synthCache;
  }

  get available(): boolean {
    return this.synth !== null;
  }
  /** What is being said now and what waits (for tests and the debug readout). */
  get state(): { speaking: string | null; queued: string | null } {
    return { speaking: this.speaking, queued: this.queued };
  }

  setVoice(uri: string | null): void {
    this.voiceURI = uri;
  }

  voices(): { uri: string; name: string; lang: string }[] {
    try {
      return (this.synth?.getVoices() ?? []).map((v) => ({ uri: v.voiceURI, name: v.name, lang: v.lang }));
    } catch {
      return [];
    }
  }

  say(text: string): void {
    if (!this.enabled || !this.synth || !text) return;
    if (this.speaking !== null) {
      if (text !== this.speaking) this.queued = text;
      return;
    }
    this.start(text);
  }

  /** Stops now and forgets what waits (mute, stop, leaving the screen). */
  cancel(): void {
    this.queued = null;
    this.speaking = null;
    this.clear();
    try {
      this.synth?.cancel();
    } catch {
      /* nothing to stop */
    }
  }

  private start(text: string): void {
    const synth = this.synth;
    if (!synth) return;
    const u = this.o.makeUtterance(text);
    const uri = this.voiceURI;
    if (uri) {
      const v = this.synth?.getVoices().find((x) => x.voiceURI === uri);
      if (v) u.voice = v;
    }
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      if (this.speaking !== text) return;
      this.clear();
      this.speaking = null;
      const next = this.queued;
      this.queued = null;
      if (next !== null) this.start(next);
    };
    u.onend = finished;
    u.onerror = finished;
    this.speaking = text;
    const set = this.o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.timer = set(finished, (this.o.timeoutFor ?? defaultTimeout)(text));
    try {
      synth.speak(u);
    } catch {
      finished();
    }
  }

  private clear(): void {
    if (this.timer !== null) (this.o.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = null;
  }
}

/**
 * The app's one speaker. Nothing is read from the browser until it first speaks. (A module constant because
 * the settings screen lists its voices; the live session is handed it through browserSpeaker.)
 */
export const speaker = new Speaker({
  synth: () => (typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null),
  makeUtterance: (text) => {
    const u = new SpeechSynthesisUtterance(text);
    u.rate = 0.95;
    return u;
  },
});

/** The speaker as the live session uses it (say, cancel, and the voice settings before each line). */
export function browserSpeaker(_win: Window): {
  say(text: string): void;
  cancel(): void;
  configure(on: boolean, voiceURI: string | null): void;
} {
  return {
    say: (text) => speaker.say(text),
    cancel: () => speaker.cancel(),
    configure: (on, voiceURI) => {
      speaker.enabled = on;
      speaker.setVoice(voiceURI);
    },
  };
}
