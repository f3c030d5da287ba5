// The same agent, on the second backend: Useasy has no labels, stages or notes in its API, so the panel
// offers only lookup, create and edit, with only the fields Useasy stores — and those work end to end
// against the signed Useasy mock, whichever of the document's get-by-id forms the server serves.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CUSTOMERS } from '../dev/mock-crm/useasy/fixtures';
import { startUseasyMock } from '../dev/mock-crm/useasy/server';
import { CHINESE, connectCrm, enableScanningOn, ENGLISH, openPanel } from './support/agent';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { openConversation } from './support/conversation';

type UseasyMock = Awaited<ReturnType<typeof startUseasyMock>>;

async function control(mock: UseasyMock, path: string, method: 'POST' | 'DELETE', body?: unknown) {
  await fetch(`${mock.url}/__control/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function requestCounts(mock: UseasyMock): Promise<Record<string, number>> {
  return ((await (await fetch(`${mock.url}/__control/requests`)).json()) as { counts: Record<string, number> }).counts;
}

/** The fields Useasy has no place for: the forms must not offer them. */
const NOT_IN_USEASY = ['Real name', 'Company', 'VIP', 'Status', 'Owner', 'Province'];

async function expectOnlyUseasyFields(form: ReturnType<Page['getByRole']>) {
  for (const label of ['Nickname', 'Phone', 'Email']) expect(await form.getByLabel(label, { exact: true }).count(), label).toBe(1);
  for (const label of NOT_IN_USEASY) expect(await form.getByLabel(label, { exact: true }).count(), label).toBe(0);
  // Useasy's own custom fields, from config/field/list.
  expect(await form.getByLabel('所在地区, level 1').count()).toBe(1);
}

/** A Useasy mock and Chromium in `lang` connected to it, for a describe block's tests. */
function agentOnUseasy(lang: 'en' | 'zh-CN'): { mock: UseasyMock; browser: ExtensionBrowser } {
  const agent = {} as { mock: UseasyMock; browser: ExtensionBrowser };
  beforeAll(async () => {
    agent.mock = await startUseasyMock({ port: 0 });
    agent.browser = await launchWithExtension({ lang });
    const account = { backend: 'useasy' as const, baseUrl: agent.mock.url, appid: agent.mock.appid, appKey: agent.mock.secret };
    (await connectCrm(agent.browser, account, lang === 'en' ? ENGLISH : CHINESE)).close();
  });
  afterAll(async () => {
    await agent.browser?.close();
    await agent.mock?.close();
  });
  return agent;
}

describe('working on Useasy', () => {
  const agent = agentOnUseasy('en');

  it('looks the visitor up and shows only what Useasy can do', async () => {
    await openConversation(agent.browser, agent.mock.url, ['你好，我是张伟，手机 13812345678']);
    const panel = await openPanel(agent.browser);
    await enableScanningOn(panel);
    const card = panel.getByRole('article');
    await card.getByRole('heading', { name: '张伟' }).waitFor();
    expect(await panel.locator('details.details').textContent()).toContain('zhang.wei@example.com');
    expect(await panel.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);
    expect(await card.getByText('Stage').count()).toBe(0);
    expect(await card.getByText('No labels yet').count()).toBe(0);
    expect(await card.getByRole('region', { name: 'Labels' }).count()).toBe(0);
    expect(await panel.getByLabel('Search by').locator('option').allTextContents()).not.toContain('Company');
    // "Copy" stays one line beside a long email, in the details where every contact is listed.
    await panel.getByText('Details', { exact: true }).click();
    const copy = panel.locator('details.details').getByRole('button', { name: 'Copy zhang.wei@example.com' });
    const box = (await copy.boundingBox())!;
    expect(box.height).toBeLessThan(30);
    await panel.screenshot({ path: 'e2e/artifacts/useasy-card-en-400.png', fullPage: true });
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.screenshot({ path: 'e2e/artifacts/useasy-card-en-360.png', fullPage: true });
  });

  for (const [forms, phone, nick] of [
    ['declared', '13988880000', '周先生'],
    ['example', '13977770000', '吴女士'],
  ] as const) {
    describe(`on a server serving only the ${forms} get-by-id form`, () => {
      beforeAll(() => control(agent.mock, 'get-by-id', 'POST', { forms }));
      afterAll(() => control(agent.mock, 'get-by-id', 'POST', { forms: 'both' }));

      it('edits 张伟 (an 18-digit id) once, the cascade level by level, and the card shows the result', async () => {
        await openConversation(agent.browser, agent.mock.url, ['你好，我是张伟，手机 13812345678']);
        const panel = await openPanel(agent.browser);
        const card = panel.getByRole('article');
        await card.getByRole('heading', { name: '张伟' }).waitFor();
        await control(agent.mock, 'requests', 'DELETE');
        await panel.getByText('Details', { exact: true }).click();
        await panel.getByRole('button', { name: 'Edit' }).click();
        const form = panel.getByRole('form', { name: 'Edit customer' });
        await expectOnlyUseasyFields(form);
        await form.getByLabel('Email', { exact: true }).fill(`zhang.wei.${forms}@example.com`);
        // 华北 / 北京 / 海淀区 → 华东: the levels below go, and the next level offers only 华东's cities.
        await form.getByLabel('所在地区, level 1').selectOption({ label: '华东' });
        expect(await form.getByLabel('所在地区, level 3').count()).toBe(0);
        expect(await form.getByLabel('所在地区, level 2').locator('option').allTextContents()).toEqual(['Not chosen', '上海', '杭州']);
        // The field must reach its second level (fillLevel 2): saving now says so and sends nothing.
        await form.getByRole('button', { name: 'Save' }).click();
        await form.getByText('Choose the next level too.').waitFor();
        await form.getByLabel('所在地区, level 2').selectOption({ label: '杭州' });
        await form.getByLabel('所在地区, level 3').selectOption({ label: '西湖区' });
        if (forms === 'declared') {
          await panel.screenshot({ path: 'e2e/artifacts/useasy-edit-form-en-400.png', fullPage: true });
        }
        await form.getByRole('button', { name: 'Save' }).click();
        const details = panel.locator('details.details');
        await details.getByText(`zhang.wei.${forms}@example.com`).waitFor({ state: 'attached' });
        expect(await details.textContent()).toContain('华东 / 杭州 / 西湖区');
        const counts = await requestCounts(agent.mock);
        console.log(`useasy edit (${forms} form):`, JSON.stringify(counts));
        expect(counts['crm/update']).toBe(1);
        const stored = (await (await fetch(`${agent.mock.url}/__control/state/customer/${FIXTURE_CUSTOMERS.zhangWei.id}`)).json()) as {
          customer: Record<string, unknown>;
        };
        expect(stored.customer.cascade_z8b3_1687316711526).toEqual(['huadong', 'hangzhou', 'xihu']);
        await panel.close();
      });

      it('creates a customer nobody has, exactly once, and shows their card', async () => {
        await openConversation(agent.browser, agent.mock.url, [`电话 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`]);
        const panel = await openPanel(agent.browser);
        await panel.getByRole('button', { name: 'Create customer' }).click();
        const form = panel.getByRole('form', { name: 'Create customer' });
        await expectOnlyUseasyFields(form);
        if (forms === 'declared') await panel.screenshot({ path: 'e2e/artifacts/useasy-create-form-en-400.png', fullPage: true });
        await control(agent.mock, 'requests', 'DELETE');
        await form.getByLabel('Nickname').fill(nick);
        await form.getByRole('button', { name: 'Create customer' }).click();
        const card = panel.getByRole('article');
        await card.getByRole('heading', { name: nick }).waitFor();
        expect(await card.textContent()).toContain(phone.replace(/^(\d{3})(\d{4})(\d{4})$/, '$1 $2 $3'));
        const counts = await requestCounts(agent.mock);
        console.log(`useasy create (${forms} form):`, JSON.stringify(counts));
        expect(counts['crm/add']).toBe(1);
        const found = (await fetch(`${agent.mock.url}/__control/requests`).then((response) => response.json())) as {
          entries: { endpoint: string; status: number }[];
        };
        expect(found.entries.filter((entry) => entry.status !== 200)).toEqual([]);
        await panel.close();
      });
    });
  }

  it('words a refused signature in Useasy’s terms, not Sobot’s', async () => {
    const options = await agent.browser.context.newPage();
    await options.goto(`chrome-extension://${agent.browser.extensionId}/options.html`);
    await options.getByLabel('App secret').fill('not-the-secret');
    await options.getByRole('button', { name: 'Save and test connection' }).click();
    await options.getByText('The CRM refused the signature: check the account ID, the app secret, the signature recipe and this computer’s clock.').waitFor();
    expect(await options.getByText('900003').count()).toBe(0);
    await options.close();
  });
});

describe('working on Useasy in Chinese', () => {
  const agent = agentOnUseasy('zh-CN');

  it('shows the card and the edit form with Chinese words only', async () => {
    await openConversation(agent.browser, agent.mock.url, ['你好，我是张伟，手机 13812345678']);
    const panel = await openPanel(agent.browser, 360);
    await enableScanningOn(panel, CHINESE);
    const card = panel.getByRole('article');
    await card.getByRole('heading', { name: '张伟' }).waitFor();
    expect(await card.getByText('暂无标签').count()).toBe(0);
    await panel.screenshot({ path: 'e2e/artifacts/useasy-card-zh-360.png', fullPage: true });
    await panel.getByText('客户资料', { exact: true }).click();
    await panel.getByRole('button', { name: '编辑' }).click();
    const form = panel.getByRole('form', { name: '编辑客户' });
    for (const label of ['真实姓名', '公司', '客户状态', '负责人', '省份']) expect(await form.getByLabel(label, { exact: true }).count(), label).toBe(0);
    // A checkbox's label stays on one line (it once wrapped one character per line).
    expect((await form.getByText('在线客服').boundingBox())!.height).toBeLessThan(30);
    await form.getByLabel('所在地区 第 1 级').selectOption({ label: '华南' });
    await form.getByLabel('所在地区 第 2 级').waitFor();
    await panel.screenshot({ path: 'e2e/artifacts/useasy-edit-form-zh-360.png', fullPage: true });
    await panel.setViewportSize({ width: 420, height: 800 });
    await panel.screenshot({ path: 'e2e/artifacts/useasy-edit-form-zh-420.png', fullPage: true });
  });
});
