// The card as agents see it: in Chinese and English (following the browser's language), in light and
// dark (following the system), at a side panel's width. Each combination is saved as a screenshot.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSobotMock } from '../dev/mock-crm/sobot/server';
import { CHINESE, connectCrm, enableScanningOn, ENGLISH, openPanel } from './support/agent';
import { launchWithExtension } from './support/browser';

mkdirSync('e2e/artifacts', { recursive: true });

const looks = [
  { lang: 'en', colorScheme: 'light', texts: ENGLISH, phoneLabel: 'Phone', expectDark: false },
  { lang: 'en', colorScheme: 'dark', texts: ENGLISH, phoneLabel: 'Phone', expectDark: true },
  { lang: 'zh-CN', colorScheme: 'light', texts: CHINESE, phoneLabel: '电话', expectDark: false },
  { lang: 'zh-CN', colorScheme: 'dark', texts: CHINESE, phoneLabel: '电话', expectDark: true },
] as const;

describe('the card in both languages and both themes', () => {
  let mock: Awaited<ReturnType<typeof startSobotMock>>;

  beforeAll(async () => {
    mock = await startSobotMock({ port: 0 });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it.each(looks)('reads well in $lang, $colorScheme', async ({ lang, colorScheme, texts, phoneLabel, expectDark }) => {
    const browser = await launchWithExtension({ lang, colorScheme });
    try {
      (await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey }, texts)).close();
      const chat = await browser.context.newPage();
      await chat.goto(`${mock.url}/demo/plain.html`);
      const panel = await openPanel(browser, 360);
      await enableScanningOn(panel, texts);
      const card = panel.getByRole('article');
      await card.getByRole('heading', { name: '张伟' }).waitFor();
      await card.getByText('意向确定').waitFor();
      expect(await card.getByText(phoneLabel, { exact: true }).count()).toBeGreaterThan(0);
      const background = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r = 0, g = 0, b = 0] = background.match(/\d+/g)!.map(Number);
      expect((r + g + b) / 3 < 100).toBe(expectDark);
      // Nothing sticks out sideways at the narrowest panel width.
      expect(await panel.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await panel.screenshot({ path: `e2e/artifacts/card-${lang}-${colorScheme}.png`, fullPage: true });
      // The wider panel, and the label editor open in place of the chips.
      await panel.setViewportSize({ width: 420, height: 800 });
      await panel.getByRole('button', { name: texts.changeLabels }).click();
      await panel.getByRole('region', { name: texts.labelEditor }).waitFor();
      expect(await panel.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await panel.screenshot({ path: `e2e/artifacts/labels-${lang}-${colorScheme}-420.png` });
    } finally {
      await browser.close();
    }
  });
});
