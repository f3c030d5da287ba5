// An admin rolls the extension out by policy, for real: Chromium reads a managed-policy file at start-up
// and the extension, on a fresh profile nobody set up, connects to the admin's CRM, scans the admin's
// chat site, shows the admin's values locked and tells the admin which policy values it ignored.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSobotMock } from '../dev/mock-crm/sobot/server';
import { auditWithAxe, blocking } from './support/accessibility';
import { openPanel } from './support/agent';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { openConversation } from './support/conversation';
import { installWithPolicy, policyDirProblem, type ManagedExtension } from './support/policy';
import { uiText, type UiLanguage } from './support/ui-text';

const cannotWritePolicy = policyDirProblem();
if (cannotWritePolicy) console.warn(`Skipping the policy spec: ${cannotWritePolicy}.`);

const WILDCARD_SITE = 'https://*.example.com';
const BAD_PORT_SITE = 'http://127.0.0.1:99999';

describe.skipIf(cannotWritePolicy)('an admin’s policy, read by Chromium', () => {
  let mock: Awaited<ReturnType<typeof startSobotMock>>;
  let managed: ManagedExtension;
  const browsers: ExtensionBrowser[] = [];

  async function launch(lang: UiLanguage): Promise<ExtensionBrowser> {
    const browser = await launchWithExtension({ lang, extensionDir: managed.extensionDir });
    browsers.push(browser);
    // The policy file names the extension by the id Chromium gives this copy.
    expect(browser.extensionId).toBe(managed.extensionId);
    return browser;
  }

  async function openOptions(browser: ExtensionBrowser, width: number): Promise<Page> {
    const options = await browser.context.newPage();
    await options.setViewportSize({ width, height: 1100 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    return options;
  }

  beforeAll(async () => {
    mkdirSync('e2e/artifacts', { recursive: true });
    mock = await startSobotMock({ port: 0 });
    managed = installWithPolicy({
      backend: 'sobot',
      baseUrl: mock.url,
      appid: mock.appid,
      secret: mock.appKey,
      enabledSites: [mock.url, WILDCARD_SITE, BAD_PORT_SITE],
      autoLookup: true,
      labelSuggestions: true,
      labelSynonyms: { 开票需求: ['发票', 'invoice'] },
    });
  });

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    managed?.remove();
    await mock?.close();
  });

  it('shows the customer on the admin’s chat site in a fresh profile, with no setup and no "Enable on this site"', async () => {
    const text = uiText('en');
    const browser = await launch('en');
    // The extension registers the scanner for the admin's site as it is installed; the agent's chat opens after.
    const worker = await browser.serviceWorker();
    const scannedSites = () =>
      worker.evaluate(() => chrome.scripting.getRegisteredContentScripts().then((scripts) => scripts.flatMap((script) => script.matches ?? [])));
    await expect.poll(scannedSites, { timeout: 15_000 }).toEqual([`${mock.url}/*`]);
    await openConversation(browser, mock.url, ['我的手机 13812345678']);
    const panel = await openPanel(browser, 360);
    await panel.getByRole('heading', { name: '张伟' }).waitFor();
    expect(await panel.getByText(text('siteNotEnabled', new URL(mock.url).host)).count()).toBe(0);
    expect(await panel.getByRole('button', { name: text('enableOnSite') }).count()).toBe(0);
    await panel.screenshot({ path: 'e2e/artifacts/policy-panel-en-360.png' });
  });

  it('locks every value the admin set, lists the admin’s site and names the ignored values with why', async () => {
    const text = uiText('en');
    const browser = browsers[0] ?? (await launch('en'));
    const options = await openOptions(browser, 420);
    const baseUrl = options.getByLabel(text('baseUrl'), { exact: true });
    await expect.poll(() => baseUrl.inputValue()).toBe(mock.url);

    // Locked text boxes cannot be typed in, locked choices cannot be changed, and each says why.
    for (const field of [baseUrl, options.getByLabel(text('appid'), { exact: true }), options.getByLabel(text('appKey'), { exact: true })]) {
      expect(await field.isEditable()).toBe(false);
      expect(await field.evaluate((input) => getComputedStyle(input).borderStyle)).toBe('dashed');
    }
    expect(await options.getByLabel(text('appid'), { exact: true }).inputValue()).toBe(mock.appid);
    for (const choice of [
      options.getByLabel(text('crmBackend'), { exact: true }),
      options.getByLabel(text('sobotHost'), { exact: true }),
      options.getByLabel(text('autoLookup'), { exact: true }),
    ]) {
      expect(await choice.isDisabled()).toBe(true);
    }
    // The suggestions' switch, and the admin's synonyms shown apart from the agent's own, which stay editable.
    const suggestionsSwitch = options.getByLabel(text('suggestionsEnabled'), { exact: true });
    await suggestionsSwitch.waitFor();
    expect(await suggestionsSwitch.isDisabled()).toBe(true);
    expect(await suggestionsSwitch.isChecked()).toBe(true);
    const adminSynonyms = options.getByRole('list', { name: text('synonymsByAdmin') });
    expect(await adminSynonyms.innerText()).toContain('开票需求: 发票, invoice');
    expect(await adminSynonyms.evaluate((list) => getComputedStyle(list).borderStyle)).toBe('dashed');
    expect(await options.getByLabel(text('synonymsLabel'), { exact: true }).isEditable()).toBe(true);
    // CRM, base URL, App ID, App key, auto-lookup, the suggestions' switch and the admin's synonyms: one hint under each.
    expect(await options.getByText(text('setByAdmin'), { exact: true }).count()).toBe(7);

    const adminSite = options.getByRole('listitem').filter({ hasText: mock.url });
    await adminSite.getByText(text('siteSetByAdmin'), { exact: true }).waitFor();
    expect(await options.getByRole('button', { name: text('removeSite', mock.url) }).count()).toBe(0);

    const ignored = options.getByRole('status').filter({ hasText: text('policyIgnoredTitle') });
    await ignored.waitFor();
    expect(await ignored.getByRole('listitem').filter({ hasText: WILDCARD_SITE }).innerText()).toContain(text('policySiteWildcard'));
    expect(await ignored.getByRole('listitem').filter({ hasText: BAD_PORT_SITE }).innerText()).toContain(text('policySiteInvalid'));
    expect(await ignored.innerText()).not.toContain(mock.appKey);
    await options.screenshot({ path: 'e2e/artifacts/policy-options-en-420.png', fullPage: true });
    // Read-only, dashed and muted, yet as readable as the rest of the page.
    expect(blocking(await auditWithAxe(options))).toEqual([]);
  });

  it('says the same in Chinese', async () => {
    const text = uiText('zh-CN');
    const browser = await launch('zh-CN');
    const options = await openOptions(browser, 360);
    await options.getByText(text('policyIgnoredTitle')).waitFor();
    // Chinese punctuation between the label and its synonyms, not a Latin colon and comma.
    expect(await options.getByRole('list', { name: text('synonymsByAdmin') }).innerText()).toContain('开票需求：发票、invoice');
    expect(await options.getByText(text('setByAdmin'), { exact: true }).count()).toBe(7);
    await options.getByText(text('siteSetByAdmin'), { exact: true }).waitFor();
    await options.screenshot({ path: 'e2e/artifacts/policy-options-zh-360.png', fullPage: true });
  });
});
