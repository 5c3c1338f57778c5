/**
 * `npm test`: unit and integration tests (PGlite, plus real PostgreSQL when TEST_DATABASE_URL is
 * set), then the production build and the Playwright browser tests in Chromium. Prints one
 * closing line `tests: N passed, N failed, N skipped` and exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureBuild } from './lib/build';
import { ensureChromium } from './lib/chromium';

const require = createRequire(import.meta.url);
const REPORTS = path.resolve('reports');

function run(label: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n==> ${label}`);
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  return result.status === 0;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

function main(): number {
  fs.rmSync(REPORTS, { recursive: true, force: true });
  fs.mkdirSync(REPORTS, { recursive: true });
  if (!process.env.TEST_DATABASE_URL) console.log('TEST_DATABASE_URL is not set: integration tests run on PGlite only.');

  let ok = run('vitest (unit + integration)', [path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(REPORTS, 'vitest.json')}`]);

  let browserReady = true;
  try {
    process.env.CHROMIUM_PATH = ensureChromium();
    ensureBuild();
  } catch (error) {
    console.error(`\n${(error as Error).message}`);
    browserReady = false;
    ok = false;
  }
  if (browserReady) {
    ok =
      run('playwright (e2e in Chromium)', [require.resolve('@playwright/test/cli'), 'test', '--reporter=list,json'], {
        PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(REPORTS, 'playwright.json'),
      }) && ok;
  }

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests?: number }>(path.join(REPORTS, 'vitest.json'));
  if (vitest) {
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests;
    skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
  } else failed += 1;
  const playwright = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(path.join(REPORTS, 'playwright.json'));
  if (playwright) {
    passed += playwright.stats.expected + playwright.stats.flaky;
    failed += playwright.stats.unexpected;
    skipped += playwright.stats.skipped;
  } else failed += 1;

  console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return ok && failed === 0 && passed > 0 ? 0 : 1;
}

process.exit(main());
