#!/usr/bin/env node
// Makes sure a Chromium the end-to-end specs, the demo and the benchmarks can drive is installed.
// CHROME_PATH wins; otherwise Debian's chromium package, installed here when we are root on Debian.
// Anywhere else it says exactly what to install and stops.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
// chromium-l10n: the Chinese UI, which chrome.i18n (and so the extension) follows; the font draws it.
const PACKAGES = ['chromium', 'chromium-l10n', 'fonts-wqy-microhei'];

function found(path) {
  return path && existsSync(path);
}

const debianReady = found(DEBIAN_CHROMIUM) && existsSync('/usr/lib/chromium/locales/zh-CN.pak') && existsSync('/usr/share/fonts/truetype/wqy');
if (found(process.env.CHROME_PATH) || debianReady) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log(`Installing ${PACKAGES.join(' and ')} with apt-get (needed to drive a real browser)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: 'inherit', env });
  if (found(DEBIAN_CHROMIUM)) process.exit(0);
}

console.error(`Chromium was not found.
  On Debian or Ubuntu:  sudo apt-get install -y ${PACKAGES.join(' ')}
  Elsewhere:            install Chrome or Chromium and run with CHROME_PATH=/path/to/chrome
(The end-to-end specs, the demo and the benchmarks drive a real browser with the extension loaded.)`);
process.exit(1);
