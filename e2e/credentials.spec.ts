// Credentials that never leave their CRM, proved in real Chromium against the mock CRM: the stored key
// signs only for the address it was entered for, a mistyped key never replaces a working one, and a
// CRM that redirects a write elsewhere gets nothing delivered there — the note waits, with the reason.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE_CUSTOMERS } from '../dev/mock-crm/sobot/fixtures';
import { startSobotMock } from '../dev/mock-crm/sobot/server';
import { storedCustomer } from './chaos/mock-crm';
import { CHINESE, connectCrm, ENGLISH, enableScanningOn, openPanel } from './support/agent';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { openConversation } from './support/conversation';
import { startElsewhere, startRedirectingCrm, type RecordingServer } from './support/redirecting-crm';

mkdirSync('e2e/artifacts', { recursive: true });

type SobotMock = Awaited<ReturnType<typeof startSobotMock>>;

const KEY_AGAIN = 'The saved key is only sent to the address and account it was entered for: enter it again for this one.';
const KEPT = 'Not saved: the CRM did not accept the new settings, so the previous connection stays in use.';

async function screenshots(page: Page, name: string) {
  for (const width of [360, 420]) {
    await page.setViewportSize({ width, height: 1000 });
    await page.screenshot({ path: `e2e/artifacts/${name}-${width}.png`, fullPage: true });
  }
}

describe('a CRM key signs only for the address it was entered for', () => {
  let mock: SobotMock;
  let relay: RecordingServer;
  let browser: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    [mock, relay] = await Promise.all([startSobotMock({ port: 0 }), startElsewhere()]);
    browser = await launchWithExtension({ lang: 'en' });
    options = await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([mock?.close(), relay?.close()]);
  });

  it('asks for the key again when only the address changes, and sends the other server nothing', async () => {
    await options.getByLabel(ENGLISH.baseUrl).fill(relay.url);
    await options.getByText(KEY_AGAIN).waitFor();
    await options.getByRole('button', { name: ENGLISH.saveAndTest }).click();
    expect(await options.getByLabel(ENGLISH.appKey).getAttribute('aria-invalid')).toBe('true');
    await screenshots(options, 'options-key-again');

    // Past the form, straight to the background: still refused, still nothing sent.
    const reply = await options.evaluate((payload) => chrome.runtime.sendMessage({ type: 'settings.save', payload }), {
      baseUrl: relay.url,
      appid: mock.appid,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'key-required' } });
    expect(relay.seen).toEqual([]);
    await options.getByLabel(ENGLISH.baseUrl).fill(mock.url);
    await options.getByText(KEY_AGAIN).waitFor({ state: 'detached' });
  });

  it('keeps the working connection when a wrong key is saved over it, and says so', async () => {
    await options.getByLabel(ENGLISH.appKey).fill('mistyped-key');
    await options.getByRole('button', { name: ENGLISH.saveAndTest }).click();
    await options.getByText('Wrong signature (900003): check the app key.').waitFor();
    await options.getByText(KEPT).waitFor();
    await screenshots(options, 'options-key-kept');

    // The key field is emptied by the agent: the saved, working key is still the one in use.
    await options.getByLabel(ENGLISH.appKey).fill('');
    await options.getByRole('button', { name: ENGLISH.saveAndTest }).click();
    await options.getByText(ENGLISH.connected).waitFor();
  });
});

describe('the refusal in Chinese', () => {
  let mock: SobotMock;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    mock = await startSobotMock({ port: 0 });
    browser = await launchWithExtension({ lang: 'zh-CN' });
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  it('says the previous connection stays in use, in Chinese only', async () => {
    const options = await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey }, CHINESE);
    await options.getByLabel(CHINESE.appKey).fill('mistyped-key');
    await options.getByRole('button', { name: CHINESE.saveAndTest }).click();
    await options.getByText('未保存：CRM 未接受新的设置，仍在使用之前的连接。', { exact: false }).waitFor();
    await options.getByLabel(CHINESE.appKey).fill('');
    await options.getByLabel(CHINESE.baseUrl).fill('http://127.0.0.1:1');
    await options.getByText('已保存的密钥只会发送到填写时对应的地址和账户，请为此地址重新填写。').waitFor();
    await screenshots(options, 'options-key-zh');
  });
});

describe('a CRM that redirects a write to another origin', () => {
  let mock: SobotMock;
  let elsewhere: RecordingServer;
  let front: Awaited<ReturnType<typeof startRedirectingCrm>>;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    [mock, elsewhere] = await Promise.all([startSobotMock({ port: 0 }), startElsewhere()]);
    front = await startRedirectingCrm(mock.url, '/api/scrm/5/user_stage/record_save', elsewhere.url);
    browser = await launchWithExtension({ lang: 'en' });
    await (await connectCrm(browser, { baseUrl: front.url, appid: mock.appid, appKey: mock.appKey })).close();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([front?.close(), mock?.close(), elsewhere?.close()]);
  });

  it('keeps the note queued with the reason, and the other origin never sees the token or the text', async () => {
    const text = `回访：客户要求周五回电 ${Date.now()}`;
    const chat = await openConversation(browser, mock.url, ['我的手机 13812345678']);
    const panel = await openPanel(browser);
    await enableScanningOn(panel);
    await panel.getByRole('heading', { name: '张伟' }).waitFor();
    await panel.getByLabel('Follow-up note').fill(text);
    await panel.getByRole('button', { name: 'Send' }).click();
    await panel
      .getByText(/Will retry: The CRM answered with a redirect to another address/)
      .first()
      .waitFor({ timeout: 20_000 });
    await screenshots(panel, 'panel-redirect-refused');

    expect(elsewhere.seen).toEqual([]);
    expect((await storedCustomer(mock.url, FIXTURE_CUSTOMERS.zhangWei.id)).notes).not.toContain(text);
    await Promise.all([panel.close(), chat.close()]);
  });
});
