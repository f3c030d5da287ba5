// `npm run demo`: the product on its built-in demo. Starts the mock CRM, builds the extension, opens
// Chromium with it loaded and connected to the mock, the demo chat console and the side panel.
// `-- --headless --screenshot panel.png` does the same without a display and saves the panel.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { CHINESE, connectCrm, enableScanningOn, ENGLISH, openPanel } from '../e2e/support/agent';
import { launchWithExtension } from '../e2e/support/browser';
import { startSobotMock } from './mock-crm/sobot/server';
import { startUseasyMock } from './mock-crm/useasy/server';

const { values: args } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    port: { type: 'string' },
    backend: { type: 'string', default: 'sobot' },
    lang: { type: 'string', default: 'zh-CN' },
    'no-build': { type: 'boolean', default: false },
  },
});

const backend = args.backend;
if (backend !== 'sobot' && backend !== 'useasy') {
  console.error(`Unknown backend "${backend}": the demo runs on "sobot" (default) or "useasy".`);
  process.exit(2);
}
const headless = args.headless || (!process.env.DISPLAY && process.platform === 'linux');
if (headless && !args.headless) console.log('No display found: running headless.');

const mock =
  backend === 'useasy'
    ? await startUseasyMock({ port: args.port ? Number(args.port) : 8788 }).then((started) => ({ ...started, appKey: started.secret }))
    : await startSobotMock({ port: args.port ? Number(args.port) : 8787 });
console.log(`Mock ${backend === 'useasy' ? 'Useasy' : 'Sobot'} CRM on ${mock.url}`);
if (!args['no-build']) {
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build', '--mode', 'demo'], { stdio: 'ignore' });
}

const lang = args.lang === 'en' ? 'en' : 'zh-CN';
const browser = await launchWithExtension({ headless, lang });
const texts = lang === 'en' ? ENGLISH : CHINESE;
const options = await connectCrm(browser, { backend, baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey }, texts);
await options.close();

const consolePage = await browser.context.newPage();
await consolePage.goto(`${mock.url}/demo/`);
const panel = await openPanel(browser);
await enableScanningOn(panel, texts);
await consolePage.bringToFront();
console.log(`Demo chat console: ${mock.url}/demo/`);

if (args.screenshot) {
  await panel.getByRole('article').first().waitFor({ timeout: 20_000 });
  await panel.waitForLoadState('networkidle');
  await panel.screenshot({ path: args.screenshot, fullPage: true });
  console.log(`Saved what the agent sees to ${args.screenshot}`);
}

if (headless) {
  await browser.close();
  await mock.close();
} else {
  console.log('Chromium is open. Click the CRM Sidebar icon in the toolbar to open the side panel. Ctrl+C to stop.');
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await mock.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  browser.context.on('close', stop);
}
