// A CRM record full of hostile data (markup and script, huge strings, right-to-left overrides, emoji,
// null where the document promises strings) is shown as inert text and the panel keeps its layout.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CUSTOMERS } from '../dev/mock-crm/sobot/fixtures';
import { startSobotMock } from '../dev/mock-crm/sobot/server';
import { connectCrm, enableScanningOn, openPanel } from './support/agent';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { openConversation } from './support/conversation';
import { control } from './support/mock-control';

mkdirSync('e2e/artifacts', { recursive: true });

const SCRIPTED_NICK = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

describe('hostile customer data', () => {
  let mock: Awaited<ReturnType<typeof startSobotMock>>;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    mock = await startSobotMock({ port: 0 });
    await control(mock.url, `customers/${FIXTURE_CUSTOMERS.zhangWei.id}/patch`, {
      nick: SCRIPTED_NICK,
      uname: '超长的名字'.repeat(1000),
      enterprise_name: '\u202eمرحبا بالعالم <b>bold</b> שלום',
      email: null,
      remark: '😀'.repeat(500),
      liable_service_name: 'javascript:alert(1)',
      city_name: null,
    });
    browser = await launchWithExtension({ lang: 'en' });
    (await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey })).close();
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  it('renders every value as text, runs nothing, and stays within the panel', async () => {
    await openConversation(browser, mock.url, ['手机 13812345678']);
    const panel = await openPanel(browser, 360);
    const errors: string[] = [];
    panel.on('pageerror', (error) => errors.push(error.message));
    await enableScanningOn(panel);
    const card = panel.getByRole('article');
    await card.getByRole('heading', { name: SCRIPTED_NICK }).waitFor();
    expect(await card.locator('img, script, b').count()).toBe(0);
    expect(await panel.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await card.textContent()).toContain('مرحبا بالعالم <b>bold</b>');
    expect(await panel.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(errors).toEqual([]);
    await panel.screenshot({ path: 'e2e/artifacts/hostile-data.png', fullPage: false });
  });
});
