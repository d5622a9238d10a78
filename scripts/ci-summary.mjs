#!/usr/bin/env node
// Prints one closing line over every suite ("tests: N passed, N failed, N skipped") from the JSON reports
// that vitest and Playwright write into reports/. A suite that did not run is named as such.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0,
  failed = 0,
  skipped = 0;
const notRun = [];
const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);

const v = read('reports/vitest.json');
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
} else notRun.push('vitest');

const p = read('reports/playwright.json');
if (p?.stats) {
  passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
  failed += p.stats.unexpected ?? 0;
  skipped += p.stats.skipped ?? 0;
} else notRun.push('playwright');

if (notRun.length) console.log(`ci: suites that did not report: ${notRun.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
