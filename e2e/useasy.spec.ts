// The same agent, on the second backend: Useasy has no labels, stages or notes in its API, so the panel
// offers only lookup, create and edit — and those work end to end against the signed Useasy mock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUseasyMock } from '../dev/mock-crm/useasy/server';
import { connectCrm, enableScanningOn, openPanel } from './support/agent';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { openConversation } from './support/conversation';

describe('working on Useasy', () => {
  let mock: Awaited<ReturnType<typeof startUseasyMock>>;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    mock = await startUseasyMock({ port: 0 });
    browser = await launchWithExtension({ lang: 'en' });
    (await connectCrm(browser, { backend: 'useasy', baseUrl: mock.url, appid: mock.appid, appKey: mock.secret })).close();
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  it('looks the visitor up and shows only what Useasy can do', async () => {
    await openConversation(browser, mock.url, ['你好，我是张伟，手机 13812345678']);
    const panel = await openPanel(browser);
    await enableScanningOn(panel);
    const card = panel.getByRole('article');
    await card.getByRole('heading', { name: '张伟' }).waitFor();
    expect(await panel.locator('details.details').textContent()).toContain('zhang.wei@example.com');
    expect(await panel.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);
    expect(await card.getByText('Stage').count()).toBe(0);
    expect(await panel.getByLabel('Search by').locator('option').allTextContents()).not.toContain('Company');
  });

  it('creates a customer nobody has and then edits them', async () => {
    await openConversation(browser, mock.url, ['电话 139 8888 0000']);
    const panel = await openPanel(browser);
    await panel.getByRole('button', { name: 'Create customer' }).click();
    const form = panel.getByRole('form', { name: 'Create customer' });
    await form.getByLabel('Nickname').fill('周先生');
    await form.getByRole('button', { name: 'Create customer' }).click();
    await panel.getByRole('heading', { name: '周先生' }).waitFor();
    await panel.getByText('Details', { exact: true }).click();
    await panel.getByRole('button', { name: 'Edit' }).click();
    const edit = panel.getByRole('form', { name: 'Edit customer' });
    await edit.getByLabel('Email').fill('zhou@example.com');
    await edit.getByRole('button', { name: 'Save' }).click();
    await panel.locator('details.details').getByText('zhou@example.com').waitFor({ state: 'attached' });
    const found = (await (await fetch(`${mock.url}/__control/requests`)).json()) as { counts: Record<string, number> };
    expect(found.counts['crm/add']).toBe(1);
    expect(found.counts['crm/update']).toBe(1);
  });
});
