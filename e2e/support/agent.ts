// What an agent (or the admin setting up their browser) does through the extension's own pages, driven
// by role and visible text.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

export interface CrmAccount {
  backend?: 'sobot' | 'useasy';
  baseUrl: string;
  appid: string;
  appKey: string;
}

/** Fills the options page like an admin: custom address, credentials, save and test. */
export async function connectCrm(browser: ExtensionBrowser, account: CrmAccount, texts = ENGLISH): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  if (account.backend === 'useasy') {
    await page.getByLabel(texts.crm).selectOption({ label: texts.useasy });
    await page.getByLabel(texts.baseUrl).fill(account.baseUrl);
    await page.getByLabel(texts.useasyAccountId).fill(account.appid);
    await page.getByLabel(texts.useasySecret).fill(account.appKey);
  } else {
    await page.getByLabel(texts.server).selectOption({ label: texts.customAddress });
    await page.getByLabel(texts.baseUrl).fill(account.baseUrl);
    await page.getByLabel(texts.appid).fill(account.appid);
    await page.getByLabel(texts.appKey).fill(account.appKey);
  }
  await page.getByRole('button', { name: texts.saveAndTest }).click();
  await page.getByText(account.backend === 'useasy' ? texts.connectedUseasy : texts.connected).waitFor();
  return page;
}

/** Opens the side panel page at a panel's width next to the conversation tab. */
export async function openPanel(browser: ExtensionBrowser, width = 400): Promise<Page> {
  const panel = await browser.context.newPage();
  await panel.setViewportSize({ width, height: 760 });
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  return panel;
}

/** The panel follows the conversation tab; "Enable on this site" turns scanning on there. */
export async function enableScanningOn(panel: Page, texts = ENGLISH): Promise<void> {
  await panel.getByRole('button', { name: texts.enableOnSite }).click();
  await panel.getByRole('button', { name: texts.enableOnSite }).waitFor({ state: 'detached' });
}

export const ENGLISH = {
  crm: 'CRM',
  useasy: 'Useasy CRM',
  useasyAccountId: 'Account ID (appid)',
  useasySecret: 'App secret',
  server: 'Sobot server',
  customAddress: 'Custom address…',
  baseUrl: 'CRM base URL',
  appid: 'App ID',
  appKey: 'App key (secret)',
  saveAndTest: 'Save and test connection',
  connected: 'Connected: the credentials work and a token was issued.',
  connectedUseasy: 'Connected: the CRM accepted the signed request.',
  enableOnSite: 'Enable on this site',
  changeLabels: 'Change labels',
  labelEditor: 'Label editor',
};

export const CHINESE: typeof ENGLISH = {
  crm: 'CRM 系统',
  useasy: '极简互联 CRM',
  useasyAccountId: '账户 ID（appid）',
  useasySecret: 'App Secret（密钥）',
  server: '智齿服务器',
  customAddress: '自定义地址…',
  baseUrl: 'CRM 地址',
  appid: 'AppID',
  appKey: 'App Key（密钥）',
  saveAndTest: '保存并测试连接',
  connected: '连接成功：凭据有效，已获取访问令牌。',
  connectedUseasy: '连接成功：CRM 接受了签名请求。',
  enableOnSite: '在此网站启用',
  changeLabels: '修改标签',
  labelEditor: '标签编辑',
};
