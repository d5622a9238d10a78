// npm run mutate: a mutation check of the fault rules' and the counters' named thresholds.
//
// Each named numeric threshold in the exercise files (src/core/exercises/*.ts, common.ts and steady.ts among
// them: `const NAME = number`, and one-line tables `const NAME... = { key: number, ... }`, one mutant per entry)
// is nudged up and down by --pct (default 15 %; a threshold of 0 by ±0.05), one at a time, and the tests that read
// that exercise are run: every Vitest file under src/core that names the exercise (its own test, the engine and
// issue tests), then the regression suite's clips of that exercise and the fault-finding tests of its faults. A mutant is killed when a
// test fails (the first failing test is named), survives when all pass.
//
// The working copy is never edited: the mutants are written into a scratch copy (/tmp/fc-mutate-*: src/ and the
// configs copied, node_modules, models and test-fixtures linked), removed at the end and on Ctrl-C or a kill.
//
//   npm run mutate [-- --exercise plank,bicycle] [--pct 15] [--only NAME,NAME] [--survivors OLD.json] [--list] [--json FILE] [--markdown FILE]
//
// Prints a table and writes JSON (reports/mutation.json unless --json says otherwise). --markdown FILE replaces
// the text between `<!-- mutate:start -->` and `<!-- mutate:end -->` in FILE with the table.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const exDir = join(root, 'src', 'core', 'exercises');

// ---- arguments
const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const flag = (name: string): boolean => argv.includes(`--${name}`);
const pct = Number(opt('pct') ?? 15) / 100;
const onlyEx = opt('exercise')?.split(',').filter(Boolean) ?? null;
const onlyNames = opt('only')?.split(',').filter(Boolean) ?? null;
const jsonOut = resolve(root, opt('json') ?? 'reports/mutation.json');
const mdOut = opt('markdown') ? resolve(root, opt('markdown') as string) : null;
const timeoutMs = Number(opt('timeout') ?? 300) * 1000;
/** --survivors FILE: only the mutants that survived in that earlier JSON report (after tests were added). */
const survivorsOf = opt('survivors') ? resolve(root, opt('survivors') as string) : null;
const earlier: Set<string> | null = survivorsOf
  ? new Set(
      (JSON.parse(readFileSync(survivorsOf, 'utf8')) as { results: { name: string; to: number; status: string }[] }).results
        .filter((r) => r.status === 'survived')
        .map((r) => `${r.name} ${r.to}`),
    )
  : null;
if (!(pct > 0 && pct < 1)) {
  console.error('--pct must be between 0 and 100');
  process.exit(2);
}

// ---- the exercises and what reads each file
const EXERCISE_FILES = readdirSync(exDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
const source = (f: string): string => readFileSync(join(exDir, f), 'utf8');
/** An exercise file is one whose record has `id: '<its own name>'`. */
const exerciseIds = EXERCISE_FILES.map((f) => basename(f, '.ts')).filter((id) => new RegExp(`\\bid:\\s*'${id}'`).test(source(`${id}.ts`)));
if (onlyEx)
  for (const e of onlyEx)
    if (!exerciseIds.includes(e)) {
      console.error(`unknown exercise ${e}; one of ${exerciseIds.join(', ')}`);
      process.exit(2);
    }
/**
 * Exercises whose rules read a threshold: the exercise whose file declares it, and every exercise file that names
 * it or names a declaration of its file that uses it (a shared helper such as common.ts's trunkSwing reading
 * REF_SLEW_DEG), following re-exports and helpers one file at a time.
 */
function readers(file: string, name: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (f: string, ident: string) => {
    const key = `${f}:${ident}`;
    if (seen.has(key)) return;
    seen.add(key);
    const mod = basename(f, '.ts');
    if (exerciseIds.includes(mod)) out.add(mod);
    // Declarations of f that use ident are read wherever their names are.
    const used = [
      ident,
      ...topLevel(source(f))
        .filter((d) => d.name !== ident && new RegExp(`\\b${ident}\\b`).test(d.body))
        .map((d) => d.name),
    ];
    for (const g of EXERCISE_FILES) {
      if (g === f) continue;
      const src = source(g);
      if (!new RegExp(`from '\\./${mod}'`).test(src)) continue;
      for (const u of used) if (new RegExp(`\\b${u}\\b`).test(src)) visit(g, u);
    }
  };
  visit(file, name.split('.')[0] as string);
  return [...out].sort();
}

/** Top-level declarations of a source file: name and text (up to the next top-level declaration). */
function topLevel(src: string): { name: string; body: string }[] {
  const lines = src.split('\n');
  const out: { name: string; body: string }[] = [];
  let cur: { name: string; body: string } | null = null;
  for (const l of lines) {
    const m = /^(?:export )?(?:function|const|let|class|interface|type) ([A-Za-z_$][\w$]*)/.exec(l);
    if (m) {
      cur = { name: m[1] as string, body: '' };
      out.push(cur);
    }
    if (cur) cur.body += `${l}\n`;
  }
  return out;
}

// ---- the mutation sites
interface Site {
  file: string;
  line: number;
  name: string;
  value: number;
  col: number;
  len: number;
}
function sites(): Site[] {
  const out: Site[] = [];
  for (const file of EXERCISE_FILES) {
    const lines = source(file).split('\n');
    lines.forEach((text, i) => {
      const m = /^(?:export )?const ([A-Z][A-Z0-9_]*)\b[^=]*=\s*(.*?);\s*(?:\/\/.*)?$/.exec(text);
      if (!m) return;
      const name = m[1] as string,
        rhs = m[2] as string;
      const rhsAt = text.indexOf(rhs, text.indexOf('='));
      const num = /^-?\d+(?:\.\d+)?$/.exec(rhs);
      if (num) {
        out.push({ file, line: i + 1, name, value: Number(rhs), col: rhsAt, len: rhs.length });
        return;
      }
      if (!/^\{.*\}$/.test(rhs)) return;
      // A one-line table of numbers: { movenet: -11.7, 'blazepose-3d': -18.8 }.
      const re = /(['"]?)([\w-]+)\1\s*:\s*(-?\d+(?:\.\d+)?)/g;
      for (let e = re.exec(rhs); e; e = re.exec(rhs)) {
        const v = e[3] as string;
        // Scratch points ({ x: 0, y: 0 }) are not thresholds.
        if (/^[xyz]$/.test(e[2] as string)) continue;
        out.push({
          file,
          line: i + 1,
          name: `${name}.${e[2]}`,
          value: Number(v),
          col: rhsAt + e.index + e[0].length - v.length,
          len: v.length,
        });
      }
    });
  }
  return out;
}

const round = (v: number): number => Number(v.toPrecision(4));
function nudged(v: number): { dir: 'up' | 'down'; value: number }[] {
  if (v === 0)
    return [
      { dir: 'up', value: 0.05 },
      { dir: 'down', value: -0.05 },
    ];
  return [
    { dir: 'up', value: round(v + Math.abs(v) * pct) },
    { dir: 'down', value: round(v - Math.abs(v) * pct) },
  ];
}

// ---- which tests read an exercise
const coreTests: string[] = [];
(function walk(d: string) {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.test.ts')) coreTests.push(relative(root, p));
  }
})(join(root, 'src', 'core'));
const REGRESSION = 'src/core/regression.test.ts';
/** Every fault's finder (one test per exercise/fault, named "<exercise>: <fault> is raised …"). */
const FINDING = 'src/core/faultFinding.test.ts';
/** Rep-level faults on every good-form clip (named, like the regression suite's, "<clip>: <exercise>"). */
const POINT = 'src/core/pointFaults.test.ts';
/** The 110k-frame fuzz checks that nothing throws or goes NaN, not where a threshold sits: left out for time. */
const NOT_RUN = new Set([REGRESSION, FINDING, POINT, 'src/core/engine.fuzz.test.ts']);
function testsFor(ids: readonly string[], files: readonly string[]): string[] {
  return coreTests.filter((t) => {
    if (NOT_RUN.has(t)) return false;
    const s = readFileSync(join(root, t), 'utf8');
    return (
      ids.some((id) => s.includes(`'${id}'`) || s.includes(`"${id}"`) || s.includes(`'${id}/`)) ||
      files.some((f) => s.includes(`/${basename(f, '.ts')}'`))
    );
  });
}

// ---- the scratch copy
const scratchParent = mkdtempSync(join(tmpdir(), 'fc-mutate-'));
const scratch = join(scratchParent, 'wt');
let child: ReturnType<typeof spawn> | null = null;
let cleaned = false;
function cleanup(): void {
  if (cleaned) return;
  cleaned = true;
  if (child?.pid) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  rmSync(scratchParent, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
  process.on(sig, () => {
    console.error(`\n${sig}: scratch copy removed, the working copy was never edited`);
    cleanup();
    process.exit(130);
  });

mkdirSync(scratch);
for (const d of ['src', 'scripts']) cpSync(join(root, d), join(scratch, d), { recursive: true });
for (const f of ['vite.config.ts', 'tsconfig.json', 'package.json']) cpSync(join(root, f), join(scratch, f));
for (const d of ['node_modules', 'models', 'test-fixtures']) symlinkSync(join(root, d), join(scratch, d));
// Tests that look for the shared clips beside the checkout find them beside the scratch copy too.
const shared = resolve(root, '..', 'shared');
if (existsSync(shared)) symlinkSync(shared, join(scratchParent, 'shared'));

// ---- running
interface Run {
  ok: boolean;
  failed: string | null;
  ms: number;
  timedOut: boolean;
}
function vitest(files: readonly string[], pattern?: string): Promise<Run> {
  // The project's config names the JSON reporter's file (reports/vitest.json); the CLI's --outputFile does not override it.
  const out = join(scratch, 'reports', 'vitest.json');
  rmSync(out, { force: true });
  const args = ['run', '--bail', '1', '--reporter=json', ...(pattern ? ['-t', pattern] : []), ...files];
  const t0 = Date.now();
  return new Promise((res) => {
    const c = spawn(join(scratch, 'node_modules', '.bin', 'vitest'), args, { cwd: scratch, detached: true, stdio: 'ignore' });
    child = c;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-(c.pid as number), 'SIGKILL');
      } catch {
        /* gone */
      }
    }, timeoutMs);
    c.on('exit', (code) => {
      clearTimeout(timer);
      child = null;
      let failed: string | null = null;
      try {
        const r = JSON.parse(readFileSync(out, 'utf8')) as {
          testResults: { name: string; assertionResults: { status: string; fullName: string }[] }[];
        };
        for (const f of r.testResults)
          for (const a of f.assertionResults) if (a.status === 'failed' && !failed) failed = `${relative(scratch, f.name)} › ${a.fullName}`;
        rmSync(out, { force: true });
      } catch {
        /* no report: a crash or a timeout */
      }
      res({
        ok: code === 0 && !timedOut,
        failed: failed ?? (timedOut ? 'timed out' : code === 0 ? null : `vitest exited ${code} (no failing test reported)`),
        ms: Date.now() - t0,
        timedOut,
      });
    });
  });
}

interface Result {
  mutant: string;
  file: string;
  line: number;
  name: string;
  from: number;
  to: number;
  dir: 'up' | 'down';
  exercises: string[];
  status: 'killed' | 'survived';
  killedBy: string | null;
  sec: number;
}

/**
 * One Vitest run: the files that name the exercises, whole; of the regression suite only these exercises' clips
 * ("recorded fixtures (<model>) <clip>: <exercise>"), and of the finders only their faults' ("<exercise>: <fault> is raised").
 */
function runSet(ids: readonly string[], files: readonly string[]): Promise<Run> {
  const alt = ids.join('|');
  return vitest(
    [...testsFor(ids, files), REGRESSION, POINT, FINDING],
    `^(?!recorded fixtures|rep-level faults on good-form|every fault rule has)|: (${alt})$|(?:^|\\s)(${alt}): [\\w-]+ is raised`,
  );
}

/** The JSON report, written after every mutant (complete: false until the run ends) so a stopped run keeps what it did. */
function save(results: readonly Result[], complete: boolean, totalSec?: number): void {
  mkdirSync(dirname(jsonOut), { recursive: true });
  const killed = results.filter((r) => r.status === 'killed').length;
  writeFileSync(
    jsonOut,
    `${JSON.stringify({ date: new Date().toISOString(), complete, pct: pct * 100, exercises: onlyEx, mutants: results.length, killed, survived: results.length - killed, totalSec: totalSec ?? null, results }, null, 2)}\n`,
  );
}

async function main(): Promise<void> {
  const all = sites().filter((s) => !onlyNames || onlyNames.some((n) => s.name === n || s.name.startsWith(`${n}.`)));
  const plan = all
    .map((s) => ({ s, ids: readers(s.file, s.name) }))
    .filter(
      (p) =>
        p.ids.length > 0 &&
        (!onlyEx || p.ids.some((i) => onlyEx.includes(i))) &&
        (!earlier || nudged(p.s.value).some((n) => earlier.has(`${p.s.name} ${n.value}`))),
    );
  const unread = all.filter((s) => readers(s.file, s.name).length === 0);
  console.log(
    `${plan.length} thresholds × 2 = ${plan.length * 2} mutants (±${pct * 100} %; 0 by ±0.05)${unread.length ? `; ${unread.length} in files no exercise reads: ${unread.map((s) => s.name).join(', ')}` : ''}`,
  );
  if (flag('list')) {
    for (const p of plan)
      console.log(
        `${p.s.file}:${p.s.line} ${p.s.name} = ${p.s.value} → ${nudged(p.s.value)
          .map((n) => n.value)
          .join(' / ')}  [${p.ids.join(', ')}]`,
      );
    return;
  }

  const t0 = Date.now();
  // Baseline: the unmutated tests must pass, or a "kill" means nothing.
  const groups = [...new Set(plan.map((p) => p.ids.join(',')))];
  for (const g of groups) {
    const ids = g.split(',');
    const files = [...new Set(plan.filter((p) => p.ids.join(',') === g).map((p) => p.s.file))];
    const b = await runSet(ids, files);
    if (!b.ok) {
      console.error(`baseline fails for ${g}: ${b.failed}; fix the suite first`);
      process.exit(1);
    }
    console.log(
      `baseline ${g}: passes (${(b.ms / 1000).toFixed(1)} s; tests: ${testsFor(ids, files).join(' ')} + their regression clips and fault finders)`,
    );
  }

  const results: Result[] = [];
  for (const { s, ids } of plan) {
    const path = join(scratch, 'src', 'core', 'exercises', s.file);
    const original = readFileSync(path, 'utf8');
    for (const n of nudged(s.value)) {
      if (earlier && !earlier.has(`${s.name} ${n.value}`)) continue;
      const lines = original.split('\n');
      const line = lines[s.line - 1] as string;
      lines[s.line - 1] = line.slice(0, s.col) + String(n.value) + line.slice(s.col + s.len);
      writeFileSync(path, lines.join('\n'));
      let r: Run;
      try {
        r = await runSet(ids, [s.file]);
      } finally {
        writeFileSync(path, original);
      }
      const res: Result = {
        mutant: `${s.name} ${s.value} → ${n.value}`,
        file: `src/core/exercises/${s.file}`,
        line: s.line,
        name: s.name,
        from: s.value,
        to: n.value,
        dir: n.dir,
        exercises: ids,
        status: r.ok ? 'survived' : 'killed',
        killedBy: r.ok ? null : r.failed,
        sec: Math.round(r.ms / 100) / 10,
      };
      results.push(res);
      save(results, false);
      console.log(
        `${res.status === 'killed' ? 'killed  ' : 'SURVIVED'} ${res.mutant.padEnd(42)} [${ids.join(',')}] ${res.killedBy ?? ''} (${res.sec} s)`,
      );
    }
  }
  const totalSec = Math.round((Date.now() - t0) / 1000);
  const killed = results.filter((r) => r.status === 'killed').length;
  const survived = results.filter((r) => r.status === 'survived');
  console.log(`\n${results.length} mutants, ${killed} killed, ${survived.length} survived, ${totalSec} s in all`);
  const table = [
    '| mutant | file:line | exercises | result | killed by |',
    '|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| \`${r.mutant}\` | ${basename(r.file)}:${r.line} | ${r.exercises.join(', ')} | ${r.status} | ${r.killedBy ? r.killedBy.replace(/\|/g, '\\|') : ''} |`,
    ),
  ].join('\n');
  console.log(`\n${table}`);
  save(results, true, totalSec);
  console.log(`\nJSON: ${relative(root, jsonOut)}`);
  if (mdOut) {
    const md = readFileSync(mdOut, 'utf8');
    const a = md.indexOf('<!-- mutate:start -->'),
      b = md.indexOf('<!-- mutate:end -->');
    if (a < 0 || b < a) {
      console.error(`${mdOut} has no <!-- mutate:start --> … <!-- mutate:end --> markers`);
      process.exit(1);
    }
    const head = `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${onlyEx ? ` (exercises: ${onlyEx.join(', ')})` : ''}: ${results.length} mutants (±${pct * 100} %), ${killed} killed, ${survived.length} survived, ${totalSec} s.`;
    writeFileSync(mdOut, `${md.slice(0, a)}<!-- mutate:start -->\n${head}\n\n${table}\n${md.slice(b)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  cleanup();
  process.exit(1);
});
