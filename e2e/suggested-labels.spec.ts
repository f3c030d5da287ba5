// The visitor mentions what they want, and the panel suggests the label for it beside the customer's
// labels — with the words that suggested it on hover and for screen readers — and one click (or the A
// key) tags the customer, once, through the same queue as any label click. A single-choice group's
// suggestion says what it replaces; the options page edits the synonyms and turns suggestions off.
// Screenshots at 360 px, in English and Chinese, land in e2e/artifacts/.
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CUSTOMERS } from '../dev/mock-crm/sobot/fixtures';
import { storedCustomer } from './chaos/mock-crm';
import { openPanel } from './support/agent';
import { openConversation } from './support/conversation';
import { agentWithSobot } from './support/setup';

mkdirSync('e2e/artifacts', { recursive: true });

const timesLabelled = async (mockUrl: string, customerId: string, name: string) =>
  (await storedCustomer(mockUrl, customerId)).labelNames.filter((each) => each === name).length;

/** The text a suggestion's aria-describedby points at: what the agent sees on hover. */
const descriptionOf = (button: Locator) =>
  button.evaluate((element) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '');

async function saveSynonyms(options: Page, text: string, texts: { synonyms: string; save: string; saved: string }) {
  await options.getByLabel(texts.synonyms, { exact: true }).fill(text);
  await options.getByRole('button', { name: texts.save }).click();
  await options.getByText(texts.saved).waitFor();
}

describe('suggested labels, in English', () => {
  const agent = agentWithSobot({ scanningEnabled: true });

  async function panelFor(line: string, name: string): Promise<Page> {
    await openConversation(agent.browser, agent.mock.url, [line]);
    const panel = await openPanel(agent.browser, 360);
    await panel.getByRole('heading', { name }).waitFor();
    return panel;
  }

  it('suggests the product the visitor mentions, and one click tags the customer with it exactly once', async () => {
    const options = await agent.browser.context.newPage();
    await options.goto(`chrome-extension://${agent.browser.extensionId}/options.html`);
    await saveSynonyms(options, '数码产品: 耳机, headphones', { synonyms: 'Synonyms', save: 'Save synonyms', saved: 'Suggestion settings saved.' });
    await options.close();

    const { id } = FIXTURE_CUSTOMERS.wangFang;
    const panel = await panelFor('我想买一副降噪耳机，电话139 0000 1111', '王芳');
    const suggested = panel.getByRole('group', { name: 'Suggested' });
    const suggestion = suggested.getByRole('button', { name: 'Add label 数码产品' });
    await suggestion.waitFor();
    expect(await descriptionOf(suggestion)).toBe('Heard in this chat: “耳机”.');
    expect(await suggestion.getAttribute('aria-keyshortcuts')).toBe('A');
    await suggestion.hover();
    await panel.getByRole('tooltip').getByText('Heard in this chat: “耳机”.').waitFor();
    await panel.screenshot({ path: 'e2e/artifacts/suggested-labels-en-360.png' });

    const before = await suggestion.boundingBox();
    await suggestion.click();
    // The pointer is still on it: it stays where it was, marked, and a second click takes nothing off.
    const applied = suggested.getByRole('button', { name: '数码产品 added' });
    await applied.waitFor();
    expect(await applied.boundingBox()).toEqual(before);
    // Marked aria-disabled, which Playwright waits out; a hurried agent clicks it anyway.
    await applied.click({ force: true });
    await panel.getByRole('status').getByText('Added “数码产品”.').waitFor();
    await panel.getByRole('article').locator('.chips').getByRole('listitem').filter({ hasText: '数码产品' }).waitFor();
    await expect.poll(() => timesLabelled(agent.mock.url, id, '数码产品'), { timeout: 15_000 }).toBe(1);
    await panel.getByRole('button', { name: 'All changes saved' }).waitFor({ timeout: 15_000 });
    expect(await timesLabelled(agent.mock.url, id, '数码产品')).toBe(1);
    expect((await storedCustomer(agent.mock.url, id)).labelNames).toContain('中意向');

    // Once the pointer leaves, the row says there is nothing more to suggest.
    await panel.mouse.move(5, 5);
    await suggested.getByText('nothing from this chat yet').waitFor();
    await panel.close();
  });

  it('says a single-choice suggestion replaces the label the customer has, and the A key applies it', async () => {
    const { id } = FIXTURE_CUSTOMERS.zhangWei;
    const panel = await panelFor('我已经是银卡会员了，手机 138 1234 5678', '张伟');
    const suggestion = panel.getByRole('group', { name: 'Suggested' }).getByRole('button', { name: 'Replace 金卡会员 with 银卡会员' });
    await suggestion.waitFor();
    expect(await descriptionOf(suggestion)).toBe('Heard in this chat: “银卡会员”. Replaces 金卡会员: the group takes one label.');
    await panel.locator('body').press('a');
    await panel.getByRole('status').getByText('Added “银卡会员”.').waitFor();
    await expect.poll(async () => (await storedCustomer(agent.mock.url, id)).labelNames.sort(), { timeout: 15_000 }).toEqual(['数码产品', '银卡会员'].sort());
    await panel.close();
  });

  it('suggests nothing, and keeps no row for it, once the agent turns suggestions off', async () => {
    const options = await agent.browser.context.newPage();
    await options.goto(`chrome-extension://${agent.browser.extensionId}/options.html`);
    const toggle = options.getByLabel('Suggest labels from what the visitor writes');
    await toggle.uncheck();
    await options.getByText('Suggestion settings saved.').waitFor();
    await options.close();

    const panel = await panelFor('我想开发票 liuyang@huayu-trade.com 耳机', '刘经理');
    await panel.getByRole('button', { name: 'Change labels' }).waitFor();
    expect(await panel.getByRole('group', { name: 'Suggested' }).count()).toBe(0);
    await panel.close();
  });
});

describe('suggested labels, in Chinese at 360 px', () => {
  const agent = agentWithSobot({ lang: 'zh-CN', scanningEnabled: true });

  it('shows two suggestions with what they replace and why, without moving the stage or the note', async () => {
    const options = await agent.browser.context.newPage();
    await options.goto(`chrome-extension://${agent.browser.extensionId}/options.html`);
    await saveSynonyms(options, '发票: 开票, 开发票', { synonyms: '同义词', save: '保存同义词', saved: '标签建议设置已保存。' });
    await options.screenshot({ path: 'e2e/artifacts/suggestion-settings-zh.png', fullPage: true });
    await options.close();

    await openConversation(agent.browser, agent.mock.url, ['我现在是银卡会员了，麻烦开发票，手机 138 1234 5678']);
    const panel = await openPanel(agent.browser, 360);
    await panel.getByRole('heading', { name: '张伟' }).waitFor();
    const suggested = panel.getByRole('group', { name: '建议' });
    const stepper = panel.getByRole('region', { name: '跟进阶段' });
    await stepper.waitFor();
    const stageTop = async () => (await stepper.boundingBox())!.y;
    await suggested.getByRole('button', { name: '用 银卡会员 替换 金卡会员' }).waitFor();
    const invoice = suggested.getByRole('button', { name: '添加标签 发票' });
    await invoice.waitFor();
    const top = await stageTop();
    expect(await descriptionOf(invoice)).toBe('对话中提到：“开发票”。');
    await invoice.hover();
    await panel.screenshot({ path: 'e2e/artifacts/suggested-labels-zh-360.png' });
    await invoice.click();
    await suggested.getByRole('button', { name: '已添加 发票' }).waitFor();
    // Adding the label grows the chips below the suggestions, never the suggestions' row.
    expect(await stageTop()).toBeGreaterThanOrEqual(top);
    await expect.poll(() => timesLabelled(agent.mock.url, FIXTURE_CUSTOMERS.zhangWei.id, '发票'), { timeout: 15_000 }).toBe(1);
    await panel.close();
  });
});
