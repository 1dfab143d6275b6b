/**
 * Finds Debian's Chromium and launches it the way that works here: headless, as root, offline.
 * (Playwright gives every launch a fresh temporary profile of its own.)
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const chromiumPath = (): string | null =>
  CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;

export const INSTALL_HINT =
  'Chromium is missing: install Debian’s package with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH).';

export const launchChromium = async (): Promise<Browser> => {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(INSTALL_HINT);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};
