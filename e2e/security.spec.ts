// Isolation, proved in real Chromium: neither a web page nor the extension's own content script can
// make the extension read or write CRM data, and neither can read the CRM secrets or the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSobotMock } from '../dev/mock-crm/sobot/server';
import { connectCrm, enableScanningOn, openPanel } from './support/agent';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { openConversation } from './support/conversation';
import { inContentScript } from './support/content-script';
import { requestCounts } from './support/mock-control';

/** Stops the extension's service worker, as the browser does when it idles; the next message wakes it. */
async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const watcher = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(watcher);
  const states: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
    for (const version of versions) if (version.scriptURL.startsWith(`chrome-extension://${browser.extensionId}/`)) states.push(version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => states.at(-1)).toBe('stopped');
  await watcher.close();
}

describe('what a web page and a content script can reach', () => {
  let mock: Awaited<ReturnType<typeof startSobotMock>>;
  let browser: ExtensionBrowser;
  let chat: Page;

  beforeAll(async () => {
    mock = await startSobotMock({ port: 0 });
    browser = await launchWithExtension({ lang: 'en' });
    (await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey })).close();
    chat = await openConversation(browser, mock.url, ['我的手机 13812345678']);
    const panel = await openPanel(browser);
    await enableScanningOn(panel);
    await panel.getByRole('heading', { name: '张伟' }).waitFor();
    await panel.close();
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  it('gives a web page no way to message the extension', async () => {
    const reachable = await chat.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage);
    expect(reachable).toBe('undefined');
  });

  it('refuses a content script every message but detections, and the CRM sees no request for them', async () => {
    const before = await requestCounts(mock.url);
    const replies = (await inContentScript(
      browser,
      chat,
      `Promise.all([
        chrome.runtime.sendMessage({ type: 'lookup.open', payload: { tabId: 1, kind: 'phone', value: '+8613812345678' } }),
        chrome.runtime.sendMessage({ type: 'customer.search', payload: { field: 'nick', value: '张' } }),
        chrome.runtime.sendMessage({ type: 'settings.get', payload: {} }),
        chrome.runtime.sendMessage({ type: 'settings.save', payload: { baseUrl: 'https://evil.example', appid: 'x', appKey: 'y' } }),
        chrome.runtime.sendMessage({ type: 'customer.update', payload: { customerId: 'x', input: { nick: 'pwned' } } }),
        chrome.runtime.sendMessage({ type: 'labelSuggestions.settings', payload: {} }),
        chrome.runtime.sendMessage({ type: 'labelSuggestions.save', payload: { enabled: false, synonyms: { 红酒: ['pwned'] } } }),
      ])`,
    )) as { ok: boolean; error?: { code: string } }[];
    expect(replies).toHaveLength(7);
    for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await requestCounts(mock.url)).toEqual(before);
  });

  it('gives a content script none of the connection settings, enabled sites or label synonyms, and ignores what it plants in storage.local', async () => {
    const saving = await browser.context.newPage();
    await saving.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await saving.getByLabel('Synonyms', { exact: true }).fill('红酒: 干红');
    await saving.getByRole('button', { name: 'Save synonyms' }).click();
    await saving.getByText('Suggestion settings saved.').waitFor();
    await saving.close();
    // Nothing at all is in storage.local: no CRM address, signature recipe, "me in the CRM", site list or synonyms.
    expect(await inContentScript(browser, chat, 'chrome.storage.local.get(null)')).toEqual({});
    await inContentScript(
      browser,
      chat,
      `chrome.storage.local.set({
        settings: { backend: 'sobot', baseUrl: 'https://evil.example', autoLookup: true },
        enabledSites: ['https://evil.example'],
        labelSuggestions: { enabled: false, synonyms: { 红酒: ['evil'] } },
      })`,
    );
    await stopServiceWorker(browser);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => options.getByLabel('CRM base URL').inputValue()).toBe(mock.url);
    await options.getByRole('list').getByText(mock.url, { exact: true }).waitFor();
    expect(await options.getByText('evil.example').count()).toBe(0);
    await expect.poll(() => options.getByLabel('Synonyms', { exact: true }).inputValue()).toBe('红酒: 干红');
    expect(await options.getByLabel('Suggest labels from what the visitor writes').isChecked()).toBe(true);
    // The woken worker removed the planted keys as well.
    expect(await inContentScript(browser, chat, 'chrome.storage.local.get(null)')).toEqual({});
    await options.close();
  });

  it('lets a content script read neither the secrets nor the token', async () => {
    const local = JSON.stringify(await inContentScript(browser, chat, 'chrome.storage.local.get(null)'));
    expect(local).not.toContain(mock.appKey);
    expect(local).not.toMatch(/token/i);
    const session = await inContentScript(browser, chat, 'chrome.storage.session.get(null)');
    expect(session).toHaveProperty('threw');
    const databases = JSON.stringify(await inContentScript(browser, chat, 'indexedDB.databases()'));
    expect(databases).not.toContain('crm-sidebar-secrets');
  });
});
