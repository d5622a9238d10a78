// No import circle anywhere in src/: every module's static imports (`import … from`, `export … from`, bare
// `import '…'`) are followed, and a cycle fails the test with its path. Issue 13 found one (coachEngine.ts ⇄
// session.ts); this keeps it gone. A circle through type-only imports (`import type`) runs nothing, but it is
// still a circle of knowledge: each one is listed below with its reason, and a new one fails.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(process.cwd(), 'src');

/** Circles made only of type imports, known and why (paths under src/, as the test prints them). */
const KNOWN_TYPE_CYCLES: Record<string, string> = {};
const EXT = ['.ts', '.tsx'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return files(p);
    return EXT.some((e) => n.endsWith(e)) && !n.endsWith('.d.ts') ? [p] : [];
  });
}

/** The relative specifiers a module imports statically (comments stripped first). */
export function staticImports(code: string, opts: { runtimeOnly?: boolean } = {}): string[] {
  const text = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out: string[] = [];
  const re = /(?:^|[;\n])\s*(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(re)) if (!(opts.runtimeOnly && m[1])) out.push(m[2]!);
  return out;
}

function resolveSpec(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const c of [base, ...EXT.map((e) => base + e), ...EXT.map((e) => join(base, `index${e}`))]) {
    try {
      if (statSync(c).isFile() && EXT.some((e) => c.endsWith(e))) return c;
    } catch {
      /* next */
    }
  }
  return null;
}

/** Every cycle's path (as module paths under src/), found by depth-first search. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      const st = state.get(m);
      if (st === 'open') cycles.push([...stack.slice(stack.indexOf(m)), m]);
      else if (st === undefined) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return cycles;
}

describe('the import graph of src/', () => {
  const all = files(SRC);
  const graph = new Map<string, string[]>();
  const runtime = new Map<string, string[]>();
  const edges = (f: string, runtimeOnly: boolean) =>
    staticImports(readFileSync(f, 'utf8'), { runtimeOnly })
      .map((s) => resolveSpec(f, s))
      .filter((x): x is string => x !== null);
  for (const f of all) {
    graph.set(f, edges(f, false));
    runtime.set(f, edges(f, true));
  }
  const named = (g: Map<string, string[]>) => findCycles(g).map((c) => c.map((p) => relative(SRC, p)).join(' → '));

  it('is read: hundreds of modules and their imports, each relative import found on disk', () => {
    expect(all.length).toBeGreaterThan(100);
    const edges = [...graph.values()].reduce((a, d) => a + d.length, 0);
    expect(edges).toBeGreaterThan(all.length);
    const unresolved: string[] = [];
    for (const f of all) {
      for (const s of staticImports(readFileSync(f, 'utf8'))) {
        if (s.startsWith('.') && !/\.(css|json|svg|png|wasm)(\?|$)/.test(s) && !s.includes('?') && resolveSpec(f, s) === null)
          unresolved.push(`${relative(SRC, f)} → ${s}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('has no cycle through imports that run', () => {
    expect(named(runtime)).toEqual([]);
  });

  it('has no cycle of type imports but the listed ones (and each listed one is still there)', () => {
    expect(named(graph).sort()).toEqual(Object.keys(KNOWN_TYPE_CYCLES).sort());
  });

  it('the check finds a cycle when there is one', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(g)).toEqual([['a', 'b', 'c', 'a']]);
    expect(staticImports("import type { X } from './x';\nimport { y } from './y';", { runtimeOnly: true })).toEqual(['./y']);
    expect(
      staticImports(
        "import type { X } from './x';\nexport { y } from \"./y\";\nimport './z.css';\n// import { no } from './no';\nconst s = 'import q from \"./q\"';",
      ),
    ).toEqual(['./x', './y', './z.css']);
  });
});
