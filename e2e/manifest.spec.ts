// What the store build asks the browser for: the documented CRM hosts and nothing broader; page access
// only when the agent grants it for a site; no content script on every page, and a small one where it runs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as Record<string, unknown>;

describe('the production manifest', () => {
  it('reaches only the Sobot hosts without asking', () => {
    expect(manifest.host_permissions).toEqual(['https://www.sobot.com/*', 'https://www.soboten.com/*', 'https://sg.sobot.io/*', 'https://us.sobot.com/*']);
  });

  it('injects into no page by default and asks for page access per site', () => {
    expect(manifest.content_scripts).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('asks only for the APIs the product uses', () => {
    expect([...(manifest.permissions as string[])].sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'sidePanel', 'storage']);
  });

  it('ships the page scanner without webextension-polyfill, which the extension pages and the background keep', () => {
    const polyfill = 'api-metadata.json has not been included in browser-polyfill';
    expect(readFileSync('.output/chrome-mv3/page-scanner.js', 'utf8')).not.toContain(polyfill);
    expect(readFileSync('.output/chrome-mv3/background.js', 'utf8')).toContain(polyfill);
  });

  it('describes its managed settings for enterprise policy', () => {
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    const schema = JSON.parse(readFileSync('.output/chrome-mv3/managed_schema.json', 'utf8')) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties).sort()).toEqual([
      'appid',
      'autoLookup',
      'backend',
      'baseUrl',
      'enabledSites',
      'labelSuggestions',
      'labelSynonyms',
      'secret',
    ]);
  });
});
