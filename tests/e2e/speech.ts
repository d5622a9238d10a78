// A recording stand-in for speechSynthesis (headless Chromium has no voices): what the app would say, and
// when, is written to window.__spoken. Installed before the app loads; used by the live-coaching specs.
import type { Page } from '@playwright/test';

export interface Spoken {
  text: string;
  at: number;
}
export type SpeechWindow = Window & { __spoken?: Spoken[]; __speechStub?: boolean };

/**
 * Replaces speechSynthesis and SpeechSynthesisUtterance before the app loads. Like the real one it queues,
 * says one utterance at a time (about 50 ms a character, shorter than the app's give-up time), fires
 * start and end, and on cancel drops the queue and ends the current one with an 'interrupted' error.
 * Every utterance that starts is written to window.__spoken with its page time.
 */
export async function installSpeechStub(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as SpeechWindow;
    const spoken: Spoken[] = [];
    w.__spoken = spoken;
    type Handler = ((ev: Event) => void) | null;
    class Utterance extends EventTarget {
      text: string;
      rate = 1;
      pitch = 1;
      volume = 1;
      lang = '';
      voice: unknown = null;
      onstart: Handler = null;
      onend: Handler = null;
      onerror: Handler = null;
      onboundary: Handler = null;
      onmark: Handler = null;
      onpause: Handler = null;
      onresume: Handler = null;
      constructor(text = '') {
        super();
        this.text = String(text);
      }
      fire(type: 'start' | 'end' | 'error', extra: Record<string, unknown> = {}): void {
        const ev = Object.assign(new Event(type), { utterance: this, charIndex: 0, elapsedTime: 0, name: '' }, extra);
        const h = type === 'start' ? this.onstart : type === 'end' ? this.onend : this.onerror;
        h?.call(this, ev);
        this.dispatchEvent(ev);
      }
    }
    const queue: Utterance[] = [];
    let current: Utterance | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const voice = { voiceURI: 'stub-en', name: 'Recording stand-in', lang: 'en-GB', default: true, localService: true };
    const next = (): void => {
      if (current !== null) return;
      current = queue.shift() ?? null;
      if (!current) return;
      const u = current;
      spoken.push({ text: u.text, at: performance.now() });
      u.fire('start');
      timer = setTimeout(
        () => {
          timer = null;
          if (current !== u) return;
          current = null;
          u.fire('end');
          // The end handler may have spoken the next one already.
          if (current === null) next();
        },
        300 + 50 * u.text.length,
      );
    };
    const synth = Object.assign(new EventTarget(), {
      onvoiceschanged: null,
      paused: false,
      get speaking() {
        return current !== null;
      },
      get pending() {
        return queue.length > 0;
      },
      getVoices: () => [voice],
      speak(u: Utterance) {
        queue.push(u);
        if (!current) next();
      },
      cancel() {
        queue.length = 0;
        if (timer !== null) clearTimeout(timer);
        timer = null;
        const u = current;
        current = null;
        u?.fire('error', { error: 'interrupted' });
      },
      pause() {
        /* not used by the app */
      },
      resume() {
        /* not used by the app */
      },
    });
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synth });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, writable: true, value: Utterance });
    w.__speechStub = true;
  });
}

export const spokenSoFar = (page: Page): Promise<Spoken[]> => page.evaluate(() => [...((window as SpeechWindow).__spoken ?? [])]);
