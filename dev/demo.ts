// `npm run demo`: the product on its built-in demo. Starts the mock CRM, builds the extension, opens
// Chromium with it loaded and connected to the mock, the demo chat console and the side panel.
// Without a display it saves what the agent sees to a screenshot and keeps the mock CRM and the demo
// console running until Ctrl+C; `--screenshot FILE` saves there and exits, for scripts.
import { parseArgs } from 'node:util';
import {
  buildDemoExtension,
  DEMO_BACKENDS,
  DEMO_LANGUAGES,
  openDemo,
  savePanelScreenshot,
  startDemoMock,
  waitForCustomerShown,
  type DemoBackend,
  type DemoLanguage,
  type DemoMock,
} from './demo-session';

const USAGE = `Usage: npm run demo -- [--lang zh-CN|en] [--backend sobot|useasy] [--headless] [--screenshot FILE] [--port N] [--no-build]`;

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

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

const backend = args.backend as DemoBackend;
if (!DEMO_BACKENDS.includes(backend)) fail(`Unknown backend "${args.backend}": the demo runs on "sobot" (default) or "useasy".`);
const lang = args.lang.replace('_', '-') as DemoLanguage;
if (!DEMO_LANGUAGES.includes(lang)) fail(`Unknown language "${args.lang}": the extension speaks "zh-CN" (default) and "en".`);
const port = args.port === undefined ? (backend === 'useasy' ? 8788 : 8787) : Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port takes a port number (0 picks a free one), not "${args.port}".`);

const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = args.headless || noDisplay;
if (noDisplay && !args.headless) console.log('No display found: running headless.');
// Without a window to look at, the screenshot is the demo; it goes where builds go, out of the way of git.
const screenshot = args.screenshot ?? (headless ? `.output/demo/panel-${lang}.png` : undefined);

const mock = await startDemoMock(backend, port);
console.log(`Mock ${mock.label} CRM on ${mock.url}`);
try {
  if (!args['no-build']) {
    console.log('Building the extension…');
    buildDemoExtension();
  }
  const demo = await openDemo(mock, backend, lang, headless);
  console.log(`Demo chat console: ${mock.url}/demo/`);
  if (screenshot) {
    await waitForCustomerShown(demo.panel);
    await savePanelScreenshot(demo.panel, screenshot);
    console.log(`Saved what the agent sees to ${screenshot}`);
  }
  if (!headless) {
    console.log('Chromium is open. Click the CRM Sidebar icon in the toolbar to open the side panel. Ctrl+C to stop.');
    const stop = stopOn(demo.close);
    demo.browser.context.on('close', () => void stop());
  } else if (args.screenshot) {
    await demo.close();
    await mock.close();
  } else {
    await demo.close();
    printHowToUseTheMock(mock);
    stopOn(async () => undefined);
  }
} catch (error) {
  await mock.close();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

/** Keeps the mock (and whatever `closeRest` closes) running until Ctrl+C; returns the way to stop early. */
function stopOn(closeRest: () => Promise<void>): () => Promise<void> {
  const stop = async () => {
    await closeRest().catch(() => undefined);
    await mock.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  return stop;
}

function printHowToUseTheMock(running: DemoMock) {
  console.log(`
The mock ${running.label} CRM and the demo chat console keep running until Ctrl+C. To try them in a browser
on a machine that can reach this one (e.g. a forwarded port):
  1. Load .output/chrome-mv3-demo unpacked (chrome://extensions or edge://extensions, Developer mode).
  2. In its settings choose a custom address ${running.url} with appid "${running.appid}" and key "${running.appKey}".
  3. Open ${running.url}/demo/ and, in the side panel, press "Enable on this site".`);
}
