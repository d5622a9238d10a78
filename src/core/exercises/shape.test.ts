// The shape every exercise file keeps (issue 13): one file per exercise with its test beside it; it imports the
// shared measures (common.ts, steady.ts, ../geometry), the record's types and its counting strategy (../counting/),
// never another exercise's file;
// keypoints by name (KP.*, jointIndex), not by raw COCO index; its state in its own typed memory.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXERCISE_IDS } from './index';

const here = new URL('./', import.meta.url);
const source = (id: string) => readFileSync(new URL(`${id}.ts`, here), 'utf8');
const SHARED = new Set(['./types', './common', './steady', '../geometry', '../pose']);
/** The counting strategies, one file per counter kind. */
const STRATEGY = /^\.\.\/counting\/[a-zA-Z]+$/;

describe('exercise files', () => {
  it('each registered exercise is its own file, with its test beside it', () => {
    for (const id of EXERCISE_IDS) {
      expect(existsSync(new URL(`${id}.ts`, here)), id).toBe(true);
      expect(existsSync(new URL(`${id}.test.ts`, here)), `${id}.test.ts`).toBe(true);
    }
  });

  it('no exercise imports another exercise (shared measures live in common.ts)', () => {
    for (const id of EXERCISE_IDS) {
      const from = [...source(id).matchAll(/^import [^;]*? from '([^']+)';/gm)].map((m) => m[1]);
      for (const f of from) expect(SHARED.has(f as string) || STRATEGY.test(f as string), `${id} imports ${f}`).toBe(true);
    }
  });

  it('keypoints by name, memory typed: no raw COCO index, no string-keyed memory', () => {
    for (const id of EXERCISE_IDS) {
      const s = source(id);
      expect(s.match(/\b(ok|wok|x|y|wx|wy|wz|score)\[\d+\]/g) ?? [], id).toEqual([]);
      expect(s.match(/\(b, \d+[,)]/g) ?? [], id).toEqual([]);
      expect(s.match(/mem\[['`]/g) ?? [], id).toEqual([]);
    }
  });
});
