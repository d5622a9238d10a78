// The voice, heard for real: Debian's Chromium speaks through speech-dispatcher (started with
// --enable-speech-dispatcher), which runs the espeak-ng voice and plays the sound through ALSA. This
// machine has no sound card, so ALSA's own `file` plugin is the sound card here: it writes what would
// have reached the speakers into a WAV file (its `null` slave throws the samples away once written), and
// the test checks that file for speech. No sound server (PulseAudio) is needed; an earlier attempt with a
// PulseAudio null sink listed no voices (../shared/NOTES.md, "Speech in headless Chromium").
//
// Everything is private to this file: speech-dispatcher reads its settings from our own
// XDG_CONFIG_HOME, ALSA reads ~/.asoundrc from our own HOME, and the daemon's socket lives in our own
// XDG_RUNTIME_DIR, so a speech-dispatcher elsewhere on the machine is neither used nor disturbed. The
// daemon that Chromium starts exits by itself 5 s after its last client leaves (Timeout 5).
//
// scripts/setup.sh installs speech-dispatcher, speech-dispatcher-espeak-ng and espeak-ng; only this file
// needs them (every other spec runs with voice=off or a recording stand-in).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { chromiumArgs, e2eDir, y4mPath } from './clip';

const dir = join(e2eDir, 'voice');
const home = join(dir, 'home');
const runtime = join(dir, 'run');
const wav = join(dir, 'speakers.wav');

/** What this test needs from Debian, and the file that shows each is installed. */
const NEEDS: [pkg: string, file: string][] = [
  ['speech-dispatcher', '/usr/bin/speech-dispatcher'],
  ['speech-dispatcher-espeak-ng', '/usr/lib/speech-dispatcher-modules/sd_espeak-ng'],
  ['espeak-ng', '/usr/bin/espeak-ng'],
];

// Written at load time: the browser (and with it speech-dispatcher) starts before any hook runs.
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(home, '.config', 'speech-dispatcher'), { recursive: true });
mkdirSync(runtime, { recursive: true, mode: 0o700 });
writeFileSync(
  join(home, '.config', 'speech-dispatcher', 'speechd.conf'),
  ['LogLevel 3', 'DefaultModule espeak-ng', 'AudioOutputMethod "alsa"', 'AudioALSADevice "default"', 'Timeout 5', ''].join('\n'),
);
writeFileSync(
  join(home, '.asoundrc'),
  ['pcm.!default {', '  type file', '  slave.pcm "null"', `  file "${wav}"`, '  format "wav"', '}', ''].join('\n'),
);

test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [...chromiumArgs(y4mPath), '--enable-speech-dispatcher'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_RUNTIME_DIR: runtime },
  },
});

interface Heard {
  text: string;
  events: { type: string; at: number; error?: string }[];
}
type VoiceWindow = Window & { __heard?: Heard[] };

/** Notes what each utterance the app hands to the real speechSynthesis does (start, end, error). */
async function listenToUtterances(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as VoiceWindow;
    w.__heard = [];
    const real = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      const h: Heard = { text: u.text, events: [] };
      w.__heard!.push(h);
      for (const type of ['start', 'end', 'error'] as const) {
        u.addEventListener(type, (e) =>
          h.events.push({ type, at: performance.now(), ...(type === 'error' ? { error: (e as SpeechSynthesisErrorEvent).error } : {}) }),
        );
      }
      real(u);
    };
  });
}

/** Reads a PCM WAV written by ALSA's file plugin (its size fields may be left unset, so the data runs to the end). */
function readWav(path: string): { rate: number; channels: number; samples: Int16Array } {
  const b = readFileSync(path);
  expect(b.toString('ascii', 0, 4), 'a RIFF/WAV file').toBe('RIFF');
  let at = 12;
  let rate = 0;
  let channels = 0;
  let bits = 0;
  while (at + 8 <= b.length) {
    const id = b.toString('ascii', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      channels = b.readUInt16LE(at + 10);
      rate = b.readUInt32LE(at + 12);
      bits = b.readUInt16LE(at + 22);
    }
    if (id === 'data') {
      const start = at + 8;
      const bytes = b.subarray(start, b.length - ((b.length - start) % 2));
      expect(bits, '16-bit samples').toBe(16);
      return { rate, channels, samples: new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)) };
    }
    at += 8 + size;
  }
  throw new Error(`${path}: no data chunk`);
}

test('the voice is heard: voices are listed, a cue is spoken to its end, and the speakers get speech', async ({ page }) => {
  const missing = NEEDS.filter(([, f]) => !existsSync(f)).map(([p]) => p);
  expect(missing, `Debian packages this test needs (scripts/setup.sh installs them): apt-get install ${missing.join(' ')}`).toEqual([]);
  await listenToUtterances(page);
  await page.goto('/?backend=wasm#/settings');

  // The voices arrive asynchronously (speech-dispatcher lists espeak-ng's voices; ~3 s here).
  const voices = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const n = () => speechSynthesis.getVoices().length;
        if (n() > 0) return resolve(n());
        speechSynthesis.addEventListener('voiceschanged', () => {
          if (n() > 0) resolve(n());
        });
        setTimeout(() => resolve(n()), 20_000);
      }),
  );
  console.log(`[voice] ${voices} voices listed`);
  expect(voices).toBeGreaterThan(0);
  // The app lists them too (the voice menu has more than its "Browser default" entry).
  await expect.poll(() => page.getByLabel('Which voice').locator('option').count()).toBeGreaterThan(1);

  // "Try the voice" goes through the same speaker as every live cue.
  await page.getByRole('button', { name: 'Try the voice' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as VoiceWindow).__heard?.[0]?.events.map((e) => e.type) ?? []), { timeout: 20_000 })
    .toContain('end');
  const heard = (await page.evaluate(() => (window as VoiceWindow).__heard ?? []))[0]!;
  console.log(
    `[voice] "${heard.text}": ${heard.events.map((e) => `${e.type}${e.error ? ` (${e.error})` : ''} at ${Math.round(e.at)} ms`).join(', ')}`,
  );
  expect(heard.events.map((e) => e.type)).toEqual(['start', 'end']);

  // What reached the "speakers": speech-length sound, not silence. Speech at espeak-ng's level has an RMS
  // of several thousand (16-bit); a silent stream is 0. The sentence has 10 words: well over a second.
  await expect.poll(() => existsSync(wav), { timeout: 10_000 }).toBe(true);
  const { rate, channels, samples } = readWav(wav);
  const seconds = samples.length / channels / rate;
  let sum = 0;
  let loud = 0;
  for (const s of samples) {
    sum += s * s;
    if (Math.abs(s) > 1000) loud += 1;
  }
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  console.log(
    `[voice] speakers got ${seconds.toFixed(2)} s at ${rate} Hz × ${channels}, RMS ${rms.toFixed(0)}, ${((100 * loud) / Math.max(1, samples.length)).toFixed(0)} % of samples louder than 1000`,
  );
  expect(seconds).toBeGreaterThan(1);
  expect(rms).toBeGreaterThan(500);
  expect(loud / samples.length).toBeGreaterThan(0.05);
});
