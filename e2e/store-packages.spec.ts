// What `npm run zip` hands to the Chrome Web Store and Edge Add-ons: each package is the production
// build (no loopback host the demo may reach), loads as an unpacked extension in Chromium, and its
// listing explains every permission it asks for.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStoreListing, STORE_LOCALES } from '../scripts/store-listing';
import { ENGLISH } from './support/agent';
import { launchWithExtension } from './support/browser';
import { readZip } from './support/unzip';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const unpacked: string[] = [];

function zip(browser: 'chrome' | 'edge') {
  const made = spawnSync('npx', ['wxt', 'zip', '-b', browser], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`wxt zip -b ${browser} failed:\n${made.stdout}${made.stderr}`);
}

function unpack(files: Map<string, Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-sidebar-store-package-'));
  unpacked.push(dir);
  for (const [path, content] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

beforeAll(() => {
  zip('chrome');
  zip('edge');
});

afterAll(() => {
  for (const dir of unpacked) rmSync(dir, { recursive: true, force: true });
});

describe.each(['chrome', 'edge'] as const)('the %s store package', (browser) => {
  const files = () => readZip(`.output/${name}-${version}-${browser}.zip`);
  const manifest = () => JSON.parse(files().get('manifest.json')!.toString('utf8')) as Record<string, unknown> & { permissions: string[] };

  it('is the production build: the Sobot hosts only, no loopback, this version', () => {
    const packaged = manifest();
    expect(packaged.version).toBe(version);
    expect(packaged.host_permissions).toEqual(['https://www.sobot.com/*', 'https://www.soboten.com/*', 'https://sg.sobot.io/*', 'https://us.sobot.com/*']);
    expect(JSON.stringify(packaged)).not.toMatch(/127\.0\.0\.1|localhost/);
    for (const [path, content] of files())
      if (/\.(js|html|json)$/.test(path)) expect(content.toString('utf8'), path).not.toMatch(/127\.0\.0\.1:\d|localhost:\d/);
  });

  it('carries both languages, the managed-settings schema and the icons', () => {
    expect([...files().keys()]).toEqual(
      expect.arrayContaining([
        '_locales/zh_CN/messages.json',
        '_locales/en/messages.json',
        'managed_schema.json',
        'icon/16.png',
        'icon/128.png',
        'sidepanel.html',
        'options.html',
        'background.js',
      ]),
    );
  });

  it('has a listing in each language that explains every permission it asks for', () => {
    for (const locale of STORE_LOCALES) {
      const permissions = readStoreListing(locale).sections.get(locale === 'en' ? 'Permissions' : '权限') ?? '';
      for (const permission of manifest().permissions) expect(permissions, `${locale}: ${permission}`).toContain(`- ${permission}`);
    }
  });

  it('loads unpacked in Chromium: the worker starts, the panel asks for a CRM and the settings page opens', async () => {
    const chromium = await launchWithExtension({ extensionDir: unpack(files()) });
    try {
      const panel = await chromium.context.newPage();
      await panel.goto(`chrome-extension://${chromium.extensionId}/sidepanel.html`);
      await panel.getByText('No CRM connected yet').waitFor();
      const options = await chromium.context.newPage();
      await options.goto(`chrome-extension://${chromium.extensionId}/options.html`);
      await expect(options.getByRole('button', { name: ENGLISH.saveAndTest }).isVisible()).resolves.toBe(true);
    } finally {
      await chromium.close();
    }
  });
});
