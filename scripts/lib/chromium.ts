import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const INSTALL_HINT =
  'No Chromium found for the browser tests. On Debian/Ubuntu: `sudo apt-get install -y --no-install-recommends chromium` ' +
  '(Playwright cannot download its own browser here), or set CHROMIUM_PATH to a Chromium/Chrome binary.';

export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return fs.existsSync(configured) ? configured : null;
  return CANDIDATES.find((c) => fs.existsSync(c)) ?? null;
}

/**
 * On a fresh Debian machine run as root (CI, containers), installs Debian's chromium so that
 * `npm test` needs no manual step. Elsewhere it only says what to install.
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt && process.env.PALISADE_NO_APT !== '1') {
    console.log('Installing Debian’s chromium for the browser tests (apt-get; set PALISADE_NO_APT=1 to skip)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(INSTALL_HINT);
}
