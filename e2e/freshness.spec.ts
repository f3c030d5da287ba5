// The card stays fresh without pushes from the CRM: a colleague moves the stage while the panel shows
// the customer, and the panel says so once the agent returns to the conversation; a colleague merges the customer into another, and
// the card says it is gone, offers to look the contact up again, and the note queued for it fails for
// good with its text kept. Each check's CRM requests are counted in the mock's request log.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSobotMock, type SobotMock } from '../dev/mock-crm/sobot/server';
import { FIXTURE_CUSTOMERS, stageIdNamed } from '../dev/mock-crm/sobot/fixtures';
import { REVALIDATE_AFTER_MS } from '../lib/lookup/revalidation';
import { CHINESE, connectCrm, enableScanningOn, openPanel } from './support/agent';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { openConversation } from './support/conversation';
import { control } from './support/mock-control';
import { agentWithSobot } from './support/setup';

mkdirSync('e2e/artifacts', { recursive: true });

const { zhangWei, wangFang, liNa } = FIXTURE_CUSTOMERS;

/** The CRM requests logged since the log was last cleared, by endpoint, tokens left out. */
async function requestsSince(mockUrl: string): Promise<string[]> {
  const { entries } = (await (await fetch(`${mockUrl}/__control/requests`)).json()) as { entries: { endpoint: string }[] };
  return entries.map((entry) => entry.endpoint).filter((endpoint) => endpoint !== 'get_token');
}
const clearRequests = (mockUrl: string) => fetch(`${mockUrl}/__control/requests`, { method: 'DELETE' });

/**
 * The agent answers another conversation, then returns to this one: the panel follows the other tab,
 * then this tab again. (Headless Chromium keeps every tab visible, so "the panel hidden and shown again"
 * cannot be played here; both reasons take the same path to the background, and its rules are unit-tested.)
 */
async function awayAndBack(browser: ExtensionBrowser, mockUrl: string, panel: Page, chat: Page, name: string) {
  const other = await openConversation(browser, mockUrl, ['您好，在吗？']);
  await other.bringToFront();
  await panel.getByRole('heading', { name }).waitFor({ state: 'detached' });
  await chat.bringToFront();
  await panel
    .getByRole('heading', { name })
    .or(panel.getByText(`${name} is no longer in the CRM`))
    .or(panel.getByText(`CRM 中已没有客户 ${name}`))
    .waitFor();
  await other.close();
}

/** Lets the card grow old enough for showing the panel again to check it. */
const letTheCardAge = (panel: Page) => panel.waitForTimeout(REVALIDATE_AFTER_MS.tab + 500);

const stageFact = (panel: Page) => panel.getByRole('article').locator('.card__stage');

describe('a fresh card without pushes', { timeout: 120_000 }, () => {
  const agent = agentWithSobot({ scanningEnabled: true });

  async function panelFor(line: string, name: string): Promise<{ panel: Page; chat: Page }> {
    const chat = await openConversation(agent.browser, agent.mock.url, [line]);
    const panel = await openPanel(agent.browser);
    await panel.getByRole('heading', { name }).waitFor();
    return { panel, chat };
  }

  it('shows a colleague’s stage change when the agent returns to the conversation, with one extra request at most', async () => {
    const { panel, chat } = await panelFor('我的手机是138 1234 5678', '张伟');
    await expect.poll(() => stageFact(panel).textContent()).toBe('意向确定');
    await panel.getByText(/^Updated .* by 王斌$/).waitFor();

    // Nothing changed: showing the panel again costs one read of the record.
    await letTheCardAge(panel);
    await clearRequests(agent.mock.url);
    await awayAndBack(agent.browser, agent.mock.url, panel, chat, '张伟');
    await expect.poll(() => requestsSince(agent.mock.url)).toEqual(['user/detail']);
    const unchanged = await requestsSince(agent.mock.url);

    // A colleague moves the stage in the CRM while the panel shows the customer.
    await control(agent.mock.url, `act-as-colleague/stage/${zhangWei.id}`, { stageId: stageIdNamed('付款流程'), agent: '孙磊' });
    await letTheCardAge(panel);
    await clearRequests(agent.mock.url);
    await awayAndBack(agent.browser, agent.mock.url, panel, chat, '张伟');
    await expect.poll(() => stageFact(panel).textContent(), { timeout: 10_000 }).toBe('付款流程');
    await panel.getByText('Updated just now by 孙磊').waitFor();
    const stepper = panel.getByRole('region', { name: 'Follow-up stage' });
    expect(await stepper.locator('[aria-current="step"]').textContent()).toContain('付款流程');
    const changed = await requestsSince(agent.mock.url);
    console.log(
      `revalidation cost: unchanged customer ${unchanged.length} request (${unchanged.join(', ')}); changed customer ${changed.length} (${changed.join(', ')})`,
    );
    expect(changed.filter((endpoint) => endpoint === 'user/detail')).toHaveLength(1);
    expect(changed.length).toBeLessThanOrEqual(2);
    expect(await panel.getByRole('heading', { name: '张伟' }).count()).toBe(1);

    await panel.setViewportSize({ width: 360, height: 760 });
    await panel.screenshot({ path: 'e2e/artifacts/freshness-updated-en.png' });
    await panel.close();
    await chat.close();
  });

  it('after the agent’s own stage change, the header’s update time and stage are what the CRM holds', async () => {
    const { panel, chat } = await panelFor('邮箱 zhao.min@example.org', '赵敏');
    const stepper = panel.getByRole('region', { name: 'Follow-up stage' });
    await stepper.getByRole('button', { name: /交易达成/ }).click();
    await panel.getByText(/^Updated just now by 系统管理员$/).waitFor({ timeout: 15_000 });
    await expect.poll(() => stageFact(panel).textContent()).toBe('交易达成');
    await panel.close();
    await chat.close();
  });

  it('says a merged customer is gone, offers to look the contact up again, and fails the note queued for it with its text kept', async () => {
    const { panel, chat } = await panelFor('我是王芳，电话139 0000 1111', '王芳');
    const queuedNote = `王芳来电：确认续费年度套餐 ${Date.now()}`;
    await control(agent.mock.url, 'down', { down: true });
    await panel.getByLabel('Follow-up note').fill(queuedNote);
    await panel.getByRole('button', { name: 'Send' }).click();
    await panel.getByRole('button', { name: /1 change waiting · CRM unreachable/ }).waitFor({ timeout: 15_000 });
    const draft = '还想问一下发票抬头';
    await panel.getByLabel('Follow-up note').fill(draft);

    // A colleague merges 王芳 into 李娜 in the CRM (section 4.3) while the note waits.
    await control(agent.mock.url, 'merge', { userid: liNa.id, merged_userid: wangFang.id, agent: '孙磊' });
    await control(agent.mock.url, 'down', { down: false });
    const status = panel.getByRole('button', { name: /1 change/ });
    await status.click();
    const changes = panel.getByRole('region', { name: 'Your changes' });
    await changes.getByRole('button', { name: 'Retry' }).click();

    await panel.getByText('王芳 is no longer in the CRM').waitFor({ timeout: 15_000 });
    await panel.getByText(/merged this customer into another one or deleted it/).waitFor();
    await changes.getByText(/Not saved: The CRM no longer has this customer/).waitFor();
    expect(await panel.getByText(draft).count()).toBe(1);
    expect(await panel.getByRole('button', { name: 'Copy Follow-up note' }).count()).toBeGreaterThanOrEqual(1);
    const stored = await panel.evaluate(async (content) => {
      const { outbox } = (await chrome.storage.session.get('outbox')) as Record<
        string,
        { payload: { content?: string }; state: string; lastError?: { code: string } }[]
      >;
      return (outbox ?? []).filter((write) => write.payload.content === content);
    }, queuedNote);
    expect(stored).toMatchObject([{ state: 'failed', lastError: { code: 'customer-gone' } }]);
    // The list closes again from the status that opened it.
    await panel.getByRole('button', { name: '1 change not saved' }).click();
    await changes.waitFor({ state: 'detached' });

    await panel.setViewportSize({ width: 360, height: 760 });
    await panel.screenshot({ path: 'e2e/artifacts/freshness-merged-en.png' });

    // Looking the contact up again finds the customer who holds the number now.
    await panel.getByRole('button', { name: 'Look up 139 0000 1111 again' }).click();
    await panel.getByRole('heading', { name: '李娜' }).waitFor();
    // The failed note stays failed, nothing was sent to the customer found now.
    const notesOfLiNa = (await (await fetch(`${agent.mock.url}/__control/state/customer/${liNa.id}`)).json()) as {
      timeline: { biz_content: { content?: string } }[];
    };
    expect(notesOfLiNa.timeline.some((entry) => entry.biz_content.content === queuedNote)).toBe(false);
    await panel.close();
    await chat.close();
  });
});

describe('a fresh card without pushes, in Chinese', { timeout: 120_000 }, () => {
  let mock: SobotMock;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    mock = await startSobotMock({ port: 0 });
    browser = await launchWithExtension({ lang: 'zh-CN' });
    const options = await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey }, CHINESE);
    await options.close();
  });
  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  it('says who changed the customer, then that the customer was merged away', async () => {
    const chat = await openConversation(browser, mock.url, ['我的手机是138 1234 5678']);
    const panel = await openPanel(browser, 360);
    await enableScanningOn(panel, CHINESE);
    await panel.getByRole('heading', { name: '张伟' }).waitFor();
    await expect.poll(() => stageFact(panel).textContent()).toBe('意向确定');

    await control(mock.url, `act-as-colleague/stage/${zhangWei.id}`, { stageId: stageIdNamed('付款流程'), agent: '王斌' });
    await letTheCardAge(panel);
    await awayAndBack(browser, mock.url, panel, chat, '张伟');
    await expect.poll(() => stageFact(panel).textContent(), { timeout: 10_000 }).toBe('付款流程');
    const updated = panel.getByText('更新于 刚刚 · 王斌');
    await updated.waitFor();
    // The line shares the name's line, one line high: the first screen's jobs stay where they were.
    const [name, line] = await Promise.all([panel.getByRole('heading', { name: '张伟' }).boundingBox(), updated.boundingBox()]);
    expect(line!.y).toBeGreaterThanOrEqual(name!.y - 1);
    expect(line!.y + line!.height).toBeLessThanOrEqual(name!.y + name!.height + 1);
    await panel.screenshot({ path: 'e2e/artifacts/freshness-updated-zh.png' });

    await control(mock.url, 'merge', { userid: liNa.id, merged_userid: zhangWei.id, agent: '王斌' });
    await letTheCardAge(panel);
    await awayAndBack(browser, mock.url, panel, chat, '张伟');
    await panel.getByText('CRM 中已没有客户 张伟').waitFor({ timeout: 10_000 });
    await panel.getByRole('button', { name: '重新查找 138 1234 5678' }).waitFor();
    await panel.screenshot({ path: 'e2e/artifacts/freshness-merged-zh.png' });
    await panel.close();
    await chat.close();
  });
});
