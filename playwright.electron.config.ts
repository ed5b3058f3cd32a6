import { defineConfig } from '@playwright/test';

// Electron-only checks (test/electron): they need the real Electron binary, which machines
// behind a download block do not have. There every test is reported as SKIPPED with the reason.
// Run after `npm run build` with `npm run test:electron`.
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '*.spec.ts',
  workers: 1,
  timeout: 60_000,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/electron.json' }]],
  use: { trace: 'retain-on-failure' },
});
