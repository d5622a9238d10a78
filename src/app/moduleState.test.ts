// What src/app keeps at module level. ESLint refuses a module-level let/var (eslint.config.js); this test reads
// every module's top-level statements with the TypeScript parser and fails on any `let`/`var`, and on any
// module-level object that holds changing state (a `const` built by `new`, by a call, or an object literal
// holding a `new …`) that is not in the list below with its reason. Those few are the stores the screens read
// through hooks: each is created once, empty, reads nothing from the browser when created
// (noImportEffects.test.ts checks that), and is filled by functions main.tsx or the LiveSession calls. The live
// coach itself (camera, model, loop, set flow, speaker use, saving) is a constructed LiveSession (boot.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const APP = resolve(process.cwd(), 'src/app');

/** Module-level state that is allowed, and why. Keyed "file:name". */
const CONSTRUCTED_ONCE: Record<string, string> = {
  'store.ts:appStore':
    "the app's one Zustand store (screen, settings, the live view); created empty, filled by loadFromBrowser() from main.tsx; tests make their own with createAppStore()",
  'history/historyStore.ts:historyStore':
    'the saved sessions as the history screens show them; empty until a screen or a save asks for them',
  'history/historyStore.ts:keeper':
    'the history database handle (opened on first use) and the records waiting for room; setHistoryDatabase() replaces it in tests',
  'speedStore.ts:speedStore':
    'the model speeds measured on this machine, shown in Settings, and the slow-computer advice they lead to; filled by the running LiveSession',
  'voice.ts:speaker':
    'the one speech queue: Settings lists its voices and the LiveSession speaks through it (boot.ts hands it over); reads nothing from the browser until it first speaks',
};

/** Calls that build plain data, a React context or a lazily loaded component (no state that changes). */
const PURE_CALLS = /^(Object\.(values|keys|entries|freeze)\(|createContext[<(]|lazy\(|dirname\(|join\(|fileURLToPath\()/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return files(p);
    return /\.tsx?$/.test(n) && !n.endsWith('.test.ts') ? [p] : [];
  });
}

function holdsNew(n: ts.Node): boolean {
  if (ts.isNewExpression(n)) return true;
  return ts.forEachChild(n, (c) => (holdsNew(c) ? true : undefined)) ?? false;
}

/** Top-level declarations of a module that keep state: `let`/`var`, or a const built as state. */
export function moduleState(file: string, code: string): { name: string; why: string }[] {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: { name: string; why: string }[] = [];
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st)) continue;
    const isConst = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const d of st.declarationList.declarations) {
      const name = d.name.getText(sf);
      if (!isConst) {
        out.push({ name, why: 'module-level let/var' });
        continue;
      }
      let init = d.initializer;
      while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init)))
        init = init.expression;
      if (!init) continue;
      if (ts.isNewExpression(init)) out.push({ name, why: 'built with new' });
      else if (ts.isCallExpression(init) && !PURE_CALLS.test(init.getText(sf))) out.push({ name, why: 'built by a call' });
      else if (ts.isObjectLiteralExpression(init) && holdsNew(init)) out.push({ name, why: 'an object holding a new …' });
    }
  }
  return out;
}

describe('module-level state in src/app', () => {
  // buildDemoData.ts is a build script run by hand (tsx), not part of the app.
  const found = files(APP)
    .filter((f) => !f.endsWith('buildDemoData.ts'))
    .flatMap((f) => {
      const rel = relative(APP, f);
      return moduleState(rel, readFileSync(f, 'utf8')).map((s) => ({ key: `${rel}:${s.name}`, why: s.why }));
    });

  it('is only the constructed-once stores, each with its reason', () => {
    expect(found.filter((s) => !(s.key in CONSTRUCTED_ONCE))).toEqual([]);
  });

  it('lists no store that is gone (the list stays true)', () => {
    const keys = new Set(found.map((s) => s.key));
    expect(Object.keys(CONSTRUCTED_ONCE).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('the check sees a let, a var, a new, a call and a hidden new, and passes constants and tables', () => {
    const code = [
      'let a = 1;',
      'var b = 2;',
      'const c = new Map();',
      'const d = makeThing();',
      'const e = { x: new Set() };',
      'const f = 3;',
      "const g = { k: 'v' } as const;",
      'const h = Object.values(X);',
      'const i = () => 1;',
      'export const j = [1, 2];',
    ].join('\n');
    expect(moduleState('x.ts', code).map((s) => s.name)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
