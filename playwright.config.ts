import { defineConfig, devices } from '@playwright/test';
import { findChromium, INSTALL_HINT } from './scripts/lib/chromium';

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** Separate directories let several checkouts run the browser tests at once. */
const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? '.palisade/e2e';
const chromium = findChromium();
if (!chromium) throw new Error(INSTALL_HINT);

export default defineConfig({
  testDir: './e2e',
  // Per data directory, so parallel runs do not wipe each other's traces.
  outputDir: process.env.E2E_DATA_DIR ? `${process.env.E2E_DATA_DIR}/test-results` : './test-results',
  // One embedded database behind one server: tests share it, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: { baseURL: `http://localhost:${PORT}`, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromium,
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    command: 'npx tsx scripts/e2e-server.ts',
    url: `http://localhost:${PORT}/api/health`,
    timeout: 900_000,
    // A reused server would carry state from an earlier run; every run starts from the seed.
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(PORT), PALISADE_DATA_DIR: E2E_DATA_DIR },
  },
});
