import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './electron/backend/exchange/pdf';

// One output folder per run (several people run single specs at once on this machine; a shared
// folder gets wiped under a running test). Workers inherit the variable from the runner.
process.env.TURNUS_PW_OUTPUT_DIR ??= `test-results/e2e-${process.pid}`;
const outputDir = process.env.TURNUS_PW_OUTPUT_DIR;

// End-to-end tests: the real renderer in Debian Chromium, against the browser host (real
// SQLite). Each worker starts its own host with its own temp database (test/e2e/fixtures.ts).
// Run after `npm run build`.
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  outputDir,
  // Screenshots for docs/ are written on request only (TURNUS_SCREENSHOTS=1).
  testIgnore: process.env.TURNUS_SCREENSHOTS ? [] : ['screenshots.spec.ts'],
  workers: 2,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    trace: 'retain-on-failure',
    viewport: { width: 1400, height: 900 },
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--headless', '--disable-quic'],
    },
  },
});
