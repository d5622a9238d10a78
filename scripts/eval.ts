// npm run eval [--video]
// One table: per clip with an expected outcome (test-fixtures/<clip>.expected.json), expected vs got for
// reps, hold seconds and faults, per model with recorded fixtures, plus totals. --video re-runs the
// model on the clips in ../shared/fixtures/videos instead of reading the recorded keypoints (slow).
// --readme also writes the table between the eval markers of README.md ("Accuracy on real recordings").
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { summarize } from '../src/core/summary';
import { compare, type Verdict } from '../src/core/testing/compare';
import type { Expected } from '../src/core/testing/replay';
import type { PoseFrame } from '../src/core/pose';
import { isModelName } from '../src/core/pose';
import { fixturePath, fixturesDir, readFixtureFrames, recordedModels, repoRoot, videosDir } from './lib/engineRun';
import { plankDatasetAccuracy, plankDatasetDir } from './lib/enginePlankDataset';

function fail(msg: string): never {
  process.stderr.write(`eval: ${msg}\n`);
  process.exit(2);
}

async function framesFromVideo(clip: string, model: string): Promise<PoseFrame[] | null> {
  if (!isModelName(model)) return null;
  const { readClipList, clipCrop, clipVideoPath } = await import('./lib/clips');
  const { recordVideo } = await import('./lib/recorder');
  const list = readClipList();
  const c = list.clips.find((x) => x.id === clip);
  if (!c || !existsSync(clipVideoPath(c))) return null;
  const r = await recordVideo({ video: clipVideoPath(c), model, fps: list.fps, crop: clipCrop(c), repoRoot });
  return r.frames;
}

const fmt = (v: number | undefined | null) => (v === undefined || v === null ? '–' : String(Math.round(v * 10) / 10));
const mark = (ok: boolean | undefined) => (ok === undefined ? ' ' : ok ? '✓' : '✗');

async function main(): Promise<void> {
  let video = false, readme = false;
  try {
    const { values } = parseArgs({ options: { video: { type: 'boolean' }, readme: { type: 'boolean' } } });
    video = Boolean(values.video);
    readme = Boolean(values.readme);
  } catch (e) {
    fail((e as Error).message.split('\n')[0] ?? 'bad arguments');
  }
  if (video && !existsSync(videosDir)) fail(`--video needs the clips in ${videosDir}`);
  const expected = readdirSync(fixturesDir).filter((f) => f.endsWith('.expected.json')).sort();
  const models = video ? ['movenet-thunder'] : recordedModels();
  const rows: string[][] = [['clip', 'exercise', 'model', 'reps exp/got', 'hold s exp/got', 'faults found', 'false >1s', 'pass']];
  type Tot = { clips: number; pass: number; reps: number; repsOk: number; repsExact: number; repsOne: number; holds: number; holdsOk: number; faults: number; found: number; falseF: number; missing: number };
  const newTot = (): Tot => ({ clips: 0, pass: 0, reps: 0, repsOk: 0, repsExact: 0, repsOne: 0, holds: 0, holdsOk: 0, faults: 0, found: 0, falseF: 0, missing: 0 });
  const totals = new Map<string, Tot>();
  const misses: string[] = [];
  for (const model of models) {
    const tot = newTot();
    totals.set(model, tot);
    for (const file of expected) {
      const clip = file.replace(/\.expected\.json$/, '');
      const exp = JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as Expected;
      let frames: PoseFrame[] | null = null;
      if (video) frames = await framesFromVideo(clip, model);
      else {
        const p = fixturePath(clip, model);
        frames = p ? readFixtureFrames(p).frames : null;
      }
      if (!frames) { tot.missing++; continue; }
      judge(tot, clip, exp, frames, model.replace('movenet-', ''), model);
    }
  }
  // Constructed streams (no real clip shows these exercises; see test-fixtures/README.md): model-free,
  // so one row each whatever the model, labelled as constructed.
  const cons = join(fixturesDir, 'constructed');
  if (!video && existsSync(cons)) {
    const tot = newTot();
    totals.set('constructed', tot);
    for (const file of readdirSync(cons).filter((f) => f.endsWith('.expected.json')).sort()) {
      const name = file.replace(/\.expected\.json$/, '');
      const exp = JSON.parse(readFileSync(join(cons, file), 'utf8')) as Expected;
      const p = join(cons, `${name}.keypoints.json`);
      if (!existsSync(p)) { tot.missing++; continue; }
      judge(tot, name, exp, readFixtureFrames(p).frames, 'constructed', 'constructed');
    }
  }

  function judge(tot: Tot, clip: string, exp: Expected, frames: PoseFrame[], label: string, model: string): void {
    const s = summarize(exp.exercise, frames, clip);
    const v: Verdict = compare(s, exp);
    tot.clips++;
    if (v.pass) tot.pass++;
    else misses.push(`${model} ${clip}: ${explain(v)}${exp.knownMiss ? ` (known: ${exp.knownMiss})` : ''}`);
    if (v.reps) {
      tot.reps++;
      if (v.reps.ok) tot.repsOk++;
      if (v.reps.got === v.reps.expected) tot.repsExact++;
      if (Math.abs(v.reps.got - v.reps.expected) <= 1) tot.repsOne++;
    }
    if (v.hold) { tot.holds++; if (v.hold.ok) tot.holdsOk++; }
    tot.faults += v.faults.expected;
    tot.found += v.faults.found;
    tot.falseF += v.falseFaults.length;
    rows.push([
      clip, exp.exercise, label,
      v.reps ? `${v.reps.expected}/${v.reps.got} ${mark(v.reps.ok)}` : '–',
      v.hold ? `${fmt(v.hold.expected)}/${fmt(v.hold.got)} ${mark(v.hold.ok)}` : v.holds ? `sides ${v.holds.matched}/${v.holds.expected} ${mark(v.holds.ok)}` : '–',
      `${v.faults.found}/${v.faults.expected}`,
      String(v.falseFaults.length),
      v.pass ? 'pass' : 'MISS',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' |';
  const out = [line(rows[0]!), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.slice(1).map(line), ''];
  out.push('Totals');
  for (const [model, t] of totals) {
    const pct = t.reps ? ` (${Math.round((100 * t.repsExact) / t.reps)} %)` : '';
    out.push(`  ${model}: ${t.pass}/${t.clips} clips pass; reps exact ${t.repsExact}/${t.reps}${pct}, within one ${t.repsOne}/${t.reps}, within the clip's tolerance ${t.repsOk}/${t.reps}; holds ${t.holdsOk}/${t.holds}; planted faults found ${t.found}/${t.faults}; false faults >1 s on good-form clips ${t.falseF}${t.missing ? `; ${t.missing} clips not recorded` : ''}`);
  }
  if (misses.length) out.push('', 'Misses', ...misses.map((m) => '  ' + m));
  if (existsSync(plankDatasetDir)) {
    const acc = plankDatasetAccuracy();
    out.push('', `Plank rules on the labelled MediaPipe dataset (${acc.total} frames, per class: correct = no hip fault):`);
    for (const [label, r] of Object.entries(acc.perClass)) out.push(`  ${label}: ${r.correct}/${r.n} = ${(100 * r.correct / Math.max(1, r.n)).toFixed(1)} %`);
  }
  process.stdout.write(out.join('\n') + '\n');
  if (readme) writeReadme(out, video);
}

/** Replaces what sits between <!-- eval:start --> and <!-- eval:end --> in README.md. */
function writeReadme(out: string[], video: boolean): void {
  const path = join(repoRoot, 'README.md');
  const text = readFileSync(path, 'utf8');
  const a = text.indexOf('<!-- eval:start -->'), b = text.indexOf('<!-- eval:end -->');
  if (a < 0 || b < a) fail('README.md has no <!-- eval:start --> / <!-- eval:end --> markers');
  const head = `Measured by \`npm run eval${video ? ' --video' : ''}\` on ${new Date().toISOString().slice(0, 10)}: each recorded clip with an expected outcome (test-fixtures/<clip>.expected.json, from ../shared/fixtures/CATALOG.md) replayed through the engine, per model. Reps must match within the clip's stated tolerance, holds within 1 s, planted faults found in their window, no fault over 1 s on good-form clips. Rep-level faults (tempo, range) are point events.`;
  const body = ['', head, '', ...out.map((l) => (l.startsWith('|') ? l : l === '' ? '' : l.startsWith('  ') ? `- ${l.trim()}` : `**${l}**`)), ''].join('\n');
  writeFileSync(path, text.slice(0, a + '<!-- eval:start -->'.length) + body + text.slice(b));
}

function explain(v: Verdict): string {
  const parts: string[] = [];
  if (v.reps && !v.reps.ok) parts.push(`reps ${v.reps.got} (expected ${v.reps.expected})`);
  if (v.hold && !v.hold.ok) parts.push(`hold ${v.hold.got} s (expected ${v.hold.expected})`);
  if (v.holds && !v.holds.ok) parts.push(`held sides ${v.holds.matched}/${v.holds.expected}`);
  if (!v.faults.ok) parts.push(`faults found ${v.faults.found}/${v.faults.expected}`);
  if (v.falseFaults.length) parts.push(`false faults ${v.falseFaults.map((f) => `${f.id} ${f.startSec}–${f.endSec}`).join(', ')}`);
  return parts.join('; ');
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.message.split('\n')[0] ?? 'failed') : 'failed'));
