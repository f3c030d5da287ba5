// `npm run store-assets` (the last step of `npm run zip`): the Chrome Web Store and Edge Add-ons
// listing for each language, in .output/store/<locale>/: the listing text from docs/store/ and
// 1280×800 screenshots taken from the demo (the chat console with the side panel beside it).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { buildDemoExtension, openDemo, startDemoMock, waitForCustomerShown, type DemoLanguage } from '../dev/demo-session';
import { STORE_LOCALES, storeListingPath } from './store-listing';

// Both stores take 1280×800; the panel keeps the width it has in the browser.
const SHOT = { width: 1280, height: 800 };
const PANEL_WIDTH = 400;

const { values: args } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false }, out: { type: 'string', default: '.output/store' } } });

if (!args['no-build']) {
  console.log('Building the demo extension…');
  buildDemoExtension();
}
const mock = await startDemoMock('sobot', 0);
try {
  for (const locale of STORE_LOCALES) {
    const folder = join(args.out, locale);
    mkdirSync(folder, { recursive: true });
    copyFileSync(storeListingPath(locale), join(folder, 'listing.md'));
    const saved = await takeScreenshots(locale === 'en' ? 'en' : 'zh-CN', folder);
    console.log(`${folder}: listing.md, ${saved.join(', ')}`);
  }
} finally {
  await mock.close();
}

/** The customer found beside the chat, then the panel scrolled to the stage, the note and the timeline. */
async function takeScreenshots(lang: DemoLanguage, folder: string): Promise<string[]> {
  const demo = await openDemo(mock, 'sobot', lang, true);
  try {
    await demo.consolePage.setViewportSize({ width: SHOT.width - PANEL_WIDTH, height: SHOT.height });
    await demo.panel.setViewportSize({ width: PANEL_WIDTH, height: SHOT.height });
    await waitForCustomerShown(demo.panel);
    const consoleShot = await demo.consolePage.screenshot();
    const files = ['screenshot-1-customer.png', 'screenshot-2-stage-note-timeline.png'];
    await besideEachOther(demo.panel, consoleShot, await demo.panel.screenshot(), join(folder, files[0]!));
    await demo.panel.locator('section.stepper').evaluate((section) => section.scrollIntoView({ block: 'start' }));
    await besideEachOther(demo.panel, consoleShot, await demo.panel.screenshot(), join(folder, files[1]!));
    return files;
  } finally {
    await demo.close();
  }
}

/** Lays the chat console and the panel side by side, as the browser shows them, in one store-sized image. */
async function besideEachOther(anyPage: Page, consoleShot: Buffer, panelShot: Buffer, path: string): Promise<void> {
  const canvas = await anyPage.context().newPage();
  try {
    await canvas.setViewportSize(SHOT);
    const image = (png: Buffer) => `<img src="data:image/png;base64,${png.toString('base64')}">`;
    await canvas.setContent(
      `<body style="margin:0;display:flex;background:#fff">${image(consoleShot)}${image(panelShot)}` +
        `<div style="position:fixed;left:${SHOT.width - PANEL_WIDTH - 1}px;top:0;bottom:0;width:1px;background:#c7c9cc"></div></body>`,
    );
    await canvas.screenshot({ path, clip: { x: 0, y: 0, ...SHOT } });
  } finally {
    await canvas.close();
  }
}
