// The panel as a tool used all day, at a side panel's usual 360×800, in Chinese: after the visitor's
// number is looked up, tagging, the stage and the note are on the first screen; a label click moves no
// other label; and the three jobs are done from the keyboard alone, keys counted. Screenshots of each
// state land in e2e/artifacts/.
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CUSTOMERS, stageIdNamed } from '../dev/mock-crm/sobot/fixtures';
import { startSobotMock, type SobotMock } from '../dev/mock-crm/sobot/server';
import { storedCustomer } from './chaos/mock-crm';
import { CHINESE, connectCrm, enableScanningOn, ENGLISH } from './support/agent';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { openConversation } from './support/conversation';
import { control } from './support/mock-control';

mkdirSync('e2e/artifacts', { recursive: true });

/** Whether the whole element is on screen without scrolling. */
const inViewport = (locator: Locator) =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth && box.height > 0;
  });

describe('the first screen at 360×800, in Chinese', () => {
  let mock: SobotMock;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    mock = await startSobotMock({ port: 0 });
    browser = await launchWithExtension({ lang: 'zh-CN' });
    (await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey }, CHINESE)).close();
  });
  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  /** The chat where 张伟 (the demo's richest customer) writes his number, and the panel beside it. */
  async function panelOnZhangWei(height = 800, width = 360): Promise<Page> {
    await openConversation(browser, mock.url, ['您好，我的手机是 138 1234 5678，麻烦帮我查一下订单。']);
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width, height });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const enable = panel.getByRole('button', { name: CHINESE.enableOnSite });
    await Promise.race([enable.waitFor().then(() => enableScanningOn(panel, CHINESE)), panel.getByRole('heading', { name: '张伟' }).waitFor()]);
    await panel.getByRole('heading', { name: '张伟' }).waitFor();
    await panel.getByRole('region', { name: '跟进阶段' }).locator('[aria-current="step"]').waitFor();
    return panel;
  }

  it('shows the label chips, the stage control and the note composer without scrolling', async () => {
    const panel = await panelOnZhangWei();
    expect(await panel.evaluate(() => scrollY)).toBe(0);
    const card = panel.getByRole('article');
    // Measured with the header's whole line: who changed the customer last, and when.
    await card.getByText(/^更新于 .* · 王斌$/).waitFor();
    const chips = card.getByRole('region', { name: '标签' });
    expect(await inViewport(chips.getByText('金卡会员'))).toBe(true);
    expect(await inViewport(chips.getByRole('button', { name: '修改标签' }))).toBe(true);
    expect(await inViewport(panel.getByRole('region', { name: '跟进阶段' }))).toBe(true);
    expect(await inViewport(panel.getByRole('button', { name: /交易达成/ }))).toBe(true);
    const composer = panel.getByLabel('跟进记录', { exact: true });
    expect(await inViewport(composer)).toBe(true);
    expect(await inViewport(panel.getByRole('button', { name: '发送' }))).toBe(true);
    // The header line: phone in the national spelling, owner, the stage once, the newest note.
    expect(await card.textContent()).toContain('138 1234 5678');
    expect(await card.textContent()).toContain('王斌');
    await card.getByText('约了周四下午电话沟通', { exact: false }).waitFor();
    expect(await panel.getByText('意向确定', { exact: true }).count()).toBe(2); // the card line and the stepper
    await panel.screenshot({ path: 'e2e/artifacts/first-screen-zh-360.png' });
    await panel.close();
  });

  it('moves no label when one is clicked, and offers Undo where it pushes nothing', async () => {
    const panel = await panelOnZhangWei();
    await panel.getByRole('button', { name: '修改标签' }).click();
    const editor = panel.getByRole('region', { name: '标签编辑' });
    await editor.getByRole('button', { name: '抖音', exact: true }).waitFor();
    const positions = () =>
      panel.evaluate(() =>
        [...document.querySelectorAll('.label-toggle, .stepper, .composer')].map((element) => {
          const box = element.getBoundingClientRect();
          return `${element.textContent}@${Math.round(box.left)},${Math.round(box.top)},${Math.round(box.width)}x${Math.round(box.height)}`;
        }),
      );
    const before = await positions();
    await editor.getByRole('button', { name: '抖音', exact: true }).click();
    await panel.getByRole('status').getByRole('button', { name: '撤销' }).waitFor();
    const after = await positions();
    const moved = before.filter((place, index) => place !== after[index]);
    console.log(`label click: ${before.length} toggles, stepper and composer measured; ${moved.length} moved by ≥ 1 px`);
    expect(moved).toEqual([]);
    expect(await editor.getByRole('button', { name: '抖音', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await panel.screenshot({ path: 'e2e/artifacts/label-editing-zh-360.png' });
    await panel.getByRole('status').getByRole('button', { name: '撤销' }).click();
    expect(await editor.getByRole('button', { name: '抖音', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await expect
      .poll(async () => (await storedCustomer(mock.url, FIXTURE_CUSTOMERS.zhangWei.id)).labelNames.sort(), { timeout: 15_000 })
      .toEqual(['数码产品', '金卡会员'].sort());
    await panel.close();
  });

  it('tags by pinyin initials, sets a stage and sends a note from the keyboard alone', async () => {
    const { id } = FIXTURE_CUSTOMERS.zhangWei;
    const panel = await panelOnZhangWei();
    await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let keys = 0;
    const press = async (key: string) => {
      keys += 1;
      await panel.keyboard.press(key);
    };

    // Tag: L opens the labels with the filter focused, the initials narrow to 抖音, Enter toggles it.
    await press('l');
    const filter = panel.getByRole('searchbox', { name: '筛选标签' });
    await expect.poll(() => filter.evaluate((input) => input === document.activeElement)).toBe(true);
    await panel.keyboard.type('dy');
    await panel.getByRole('region', { name: '标签编辑' }).getByRole('button', { name: '抖音', exact: true }).waitFor();
    await press('Enter');
    const tagKeys = keys;
    await expect.poll(async () => (await storedCustomer(mock.url, id)).labelNames, { timeout: 15_000 }).toContain('抖音');
    await press('Escape');

    // Stage: digit 4 moves to the fourth stage.
    keys = 0;
    await press('4');
    const stageKeys = keys;
    await expect.poll(async () => (await storedCustomer(mock.url, id)).stage, { timeout: 15_000 }).toEqual({ id: stageIdNamed('付款流程'), type: 1 });
    expect(await panel.getByRole('region', { name: '跟进阶段' }).locator('[aria-current="step"]').textContent()).toContain('付款流程');

    // Note: N focuses the composer, the text, Ctrl+Enter sends.
    keys = 0;
    const text = `键盘记录 ${Date.now()}`;
    await press('n');
    await panel.keyboard.type(text);
    await press('Control+Enter');
    const noteKeys = keys;
    await expect.poll(async () => (await storedCustomer(mock.url, id)).notes, { timeout: 15_000 }).toContain(text);
    console.log(`keys besides typed text: tag ${tagKeys} (+ "dy"), stage ${stageKeys}, note ${noteKeys} (+ the note)`);
    expect(tagKeys).toBeLessThanOrEqual(4);
    expect(stageKeys).toBeLessThanOrEqual(2);
    expect(noteKeys).toBeLessThanOrEqual(2);
    await panel.close();
  });

  it('sums up writes waiting on a CRM outage in the top bar, the same way for labels, stage and notes', async () => {
    const panel = await panelOnZhangWei();
    await control(mock.url, 'down', { down: true });
    await panel.keyboard.press('2');
    const composer = panel.getByLabel('跟进记录', { exact: true });
    await composer.fill('客户要求月底前到货，已转仓库确认库存。');
    await composer.press('Control+Enter');
    const status = panel.getByRole('button', { name: /项更改待发送/ });
    await status.getByText(/无法连接 CRM/).waitFor({ timeout: 20_000 });
    // The status takes the title's place in the top bar, so it is said whole, not cut, at 360 px.
    expect(await status.evaluate((button) => [button, ...button.querySelectorAll('span')].some((part) => part.scrollWidth > part.clientWidth))).toBe(false);
    await status.click();
    const list = panel.getByRole('region', { name: '我的更改' });
    await list.getByText(/阶段/).first().waitFor();
    await list
      .getByText(/跟进记录/)
      .first()
      .waitFor();
    await panel.screenshot({ path: 'e2e/artifacts/offline-zh-360.png' });
    // Discard asks first; Keep leaves the write queued.
    await list.getByRole('button', { name: '放弃' }).first().click();
    await list.getByRole('button', { name: '保留' }).click();
    expect(await list.getByRole('button', { name: '重试' }).count()).toBeGreaterThan(0);
    await control(mock.url, 'down', { down: false });
    for (const retry of await list.getByRole('button', { name: '重试' }).all()) await retry.click().catch(() => undefined);
    await panel.getByText('更改已全部保存').waitFor({ timeout: 20_000 });
    await panel.close();
  });

  it('asks only for the essentials to create a customer, and an invalid submit takes the agent to the first problem', async () => {
    await openConversation(browser, mock.url, ['新客户，电话 139 7777 0000，想了解一下价格']);
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await panel.getByText('CRM 中没有 139 7777 0000 对应的客户').waitFor();
    await panel.screenshot({ path: 'e2e/artifacts/not-found-zh-360.png' });
    await panel.getByRole('button', { name: '新建客户' }).click();
    const form = panel.getByRole('form', { name: '新建客户' });
    expect(await form.getByLabel('电话').inputValue()).toBe('13977770000');
    // The rest of the record waits behind "More fields".
    expect(await form.getByLabel('公司').isVisible()).toBe(false);
    await form.getByText('更多字段').waitFor();
    await form.getByRole('button', { name: '新建客户' }).click();
    const nick = form.getByLabel('昵称');
    await expect.poll(() => nick.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await nick.getAttribute('aria-invalid')).toBe('true');
    expect(await inViewport(nick)).toBe(true);
    await form.getByText('必填。').first().waitFor();
    // Labels of options stay whole at 360 px: no label is taller than two lines of text.
    await form.getByText('更多字段').click();
    const tallest = await form.evaluate((element) =>
      Math.max(0, ...[...element.querySelectorAll('.choice-group .checkbox')].map((label) => label.getBoundingClientRect().height)),
    );
    expect(tallest).toBeLessThan(40);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await panel.screenshot({ path: 'e2e/artifacts/create-zh-360.png', fullPage: true });
    await panel.close();
  });
});

describe('the first screen at 360×800, in English', () => {
  let mock: SobotMock;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    mock = await startSobotMock({ port: 0 });
    browser = await launchWithExtension({ lang: 'en' });
    (await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey }, ENGLISH)).close();
  });
  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  it('shows the label chips, the stage control and the note composer without scrolling, English being longer', async () => {
    await openConversation(browser, mock.url, ['Hi, my phone is 138 1234 5678, could you check my order?']);
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await enableScanningOn(panel, ENGLISH);
    const card = panel.getByRole('article');
    await card.getByRole('heading', { name: '张伟' }).waitFor();
    await panel.getByRole('region', { name: 'Follow-up stage' }).locator('[aria-current="step"]').waitFor();
    await card.getByText(/^Updated .* by 王斌$/).waitFor();
    expect(await panel.evaluate(() => scrollY)).toBe(0);
    expect(await inViewport(card.getByRole('region', { name: 'Labels' }).getByText('金卡会员'))).toBe(true);
    expect(await inViewport(card.getByRole('button', { name: 'Change labels' }))).toBe(true);
    expect(await inViewport(panel.getByRole('region', { name: 'Follow-up stage' }))).toBe(true);
    expect(await inViewport(panel.getByLabel('Follow-up note', { exact: true }))).toBe(true);
    expect(await inViewport(panel.getByRole('button', { name: 'Send' }))).toBe(true);
    await panel.screenshot({ path: 'e2e/artifacts/first-screen-en-360.png' });
    await panel.close();
  });
});
