// The agent switches CRMs with a note still queued for the first: the note never reaches the second CRM
// (whose customer has the same id), the options page says it waits for the first, and it lands there
// once the agent connects back — checked against what each mock CRM stored.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CUSTOMERS } from '../dev/mock-crm/sobot/fixtures';
import { startSobotMock } from '../dev/mock-crm/sobot/server';
import { storedCustomer } from './chaos/mock-crm';
import { connectCrm, enableScanningOn, openPanel } from './support/agent';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { openConversation } from './support/conversation';
import { control } from './support/mock-control';

mkdirSync('e2e/artifacts', { recursive: true });

type SobotMock = Awaited<ReturnType<typeof startSobotMock>>;

/** How many follow-up notes with this text the mock stored for the customer. */
const notesStored = async (mock: SobotMock, customerId: string, text: string) =>
  (await storedCustomer(mock.url, customerId)).notes.filter((note) => note === text).length;

describe('switching CRMs with a write still queued', () => {
  let first: SobotMock;
  let second: SobotMock;
  let browser: ExtensionBrowser;
  const account = (mock: SobotMock) => ({ baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey });

  beforeAll(async () => {
    [first, second] = await Promise.all([startSobotMock({ port: 0 }), startSobotMock({ port: 0 })]);
    browser = await launchWithExtension({ lang: 'en' });
    await (await connectCrm(browser, account(first))).close();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([first?.close(), second?.close()]);
  });

  it('holds the note for its own CRM, lists it on the options page, and delivers it there once connected again', async () => {
    const { id } = FIXTURE_CUSTOMERS.zhaoMin;
    const text = `回访：客户要求改签收地址 ${Date.now()}`;
    const chat = await openConversation(browser, first.url, ['邮箱 zhao.min@example.org']);
    const panel = await openPanel(browser);
    await enableScanningOn(panel);
    await panel.getByRole('heading', { name: '赵敏' }).waitFor();

    await control(first.url, 'down', { down: true });
    await panel.getByLabel('Follow-up note').fill(text);
    await panel.getByRole('button', { name: 'Send' }).click();
    await panel
      .getByRole('region', { name: 'Timeline' })
      .getByText(/Will retry: Cannot reach the CRM/)
      .waitFor({ timeout: 15_000 });

    // The agent connects to another CRM; the first one comes back meanwhile.
    const options = await connectCrm(browser, account(second));
    await control(first.url, 'down', { down: false });
    const waiting = options.getByRole('region', { name: 'Changes waiting for another CRM' });
    await waiting.getByText(`Note: ${text.slice(0, 40)}`).waitFor();
    await waiting.getByText(`Customer ${id} in ${first.url} (account ${first.appid})`).waitFor();
    await options.setViewportSize({ width: 420, height: 900 });
    await options.screenshot({ path: 'e2e/artifacts/options-held-write.png', fullPage: true });

    // Long enough for the outbox's retries: the note goes to neither CRM while the other is connected.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await notesStored(second, id, text)).toBe(0);
    expect(await notesStored(first, id, text)).toBe(0);

    // Back on the first CRM: the note lands there, once, and the options page stops listing it.
    await options.getByLabel('CRM base URL').fill(first.url);
    await options.getByLabel('App ID').fill(first.appid);
    await options.getByLabel('App key (secret)').fill(first.appKey);
    await options.getByRole('button', { name: 'Save and test connection' }).click();
    await expect.poll(() => notesStored(first, id, text), { timeout: 60_000, interval: 1_000 }).toBe(1);
    await waiting.waitFor({ state: 'detached' });
    expect(await notesStored(second, id, text)).toBe(0);
    await Promise.all([options.close(), panel.close(), chat.close()]);
  }, 120_000);
});
