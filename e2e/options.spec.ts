// Setting the connection up: "Save and test connection" explains each failure in words, and a
// corrected key then works — nothing the admin typed is lost along the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSobotMock } from '../dev/mock-crm/sobot/server';
import { ENGLISH } from './support/agent';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';

describe('testing the connection from the options page', () => {
  let mock: Awaited<ReturnType<typeof startSobotMock>>;
  let browser: ExtensionBrowser;
  let options: Page;

  /** Fills, saves and tests, then waits for the outcome that says `expected` (each attempt's differs). */
  async function saveAndTest(fields: { baseUrl?: string; appid?: string; appKey?: string }, expected: string) {
    if (fields.baseUrl !== undefined) await options.getByLabel(ENGLISH.baseUrl).fill(fields.baseUrl);
    if (fields.appid !== undefined) await options.getByLabel(ENGLISH.appid).fill(fields.appid);
    if (fields.appKey !== undefined) await options.getByLabel(ENGLISH.appKey).fill(fields.appKey);
    await options.getByRole('button', { name: ENGLISH.saveAndTest }).click();
    await options.getByText(expected).first().waitFor();
  }

  beforeAll(async () => {
    mock = await startSobotMock({ port: 0 });
    browser = await launchWithExtension({ lang: 'en' });
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel(ENGLISH.server).selectOption({ label: ENGLISH.customAddress });
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  it('says which field is missing before anything is sent', async () => {
    await options.getByRole('button', { name: ENGLISH.saveAndTest }).click();
    await options.getByText('Enter the CRM base URL.').waitFor();
    await options.getByText('Enter the app ID.').waitFor();
    await options.getByLabel(ENGLISH.baseUrl).fill('crm.example.com');
    await options.getByText('The address must start with https://').waitFor();
  });

  it('explains a wrong app key, an unknown appid and an unreachable host, then connects', async () => {
    await saveAndTest({ baseUrl: mock.url, appid: mock.appid, appKey: 'not-the-key' }, 'Wrong signature (900003): check the app key.');
    await saveAndTest({ appid: 'nobody', appKey: mock.appKey }, 'No API configuration for this app ID (900004): check the app ID.');
    await saveAndTest({ baseUrl: 'http://127.0.0.1:9', appid: mock.appid, appKey: mock.appKey }, 'Cannot reach the CRM');
    expect(await options.getByLabel(ENGLISH.baseUrl).inputValue()).toBe('http://127.0.0.1:9');
    await saveAndTest({ baseUrl: mock.url, appKey: mock.appKey }, ENGLISH.connected);
    expect(await options.getByRole('alert').count()).toBe(0);
  });
});
