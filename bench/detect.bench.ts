// Benchmarks detectContacts against the obvious alternative — libphonenumber-js's findPhoneNumbersInText
// (same "max" metadata) plus a plain email regex — on ~1 MB of seeded, realistic chat text, and scores
// its recall and precision against the generator's ground truth; and the page scanner in real Chromium
// against a bare TreeWalker pass, per new message at 500 vs 5,000 messages, in long tasks and in bytes.
// Imported by bench runners; runnable alone (`npx tsx bench/detect.bench.ts`). Invariant: the same seed
// always builds the same text and the same pages.
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension } from '../e2e/support/browser';
import { allChatLines } from '../lib/contacts/chat-lines.fixture';
import { detectContacts } from '../lib/contacts/detect';
import { recallAndPrecision } from '../lib/contacts/recall-precision';

const TARGET_BYTES = 1_000_000;
const SEED = 20240315;
const ROUNDS = 5;

interface GeneratedLine {
  line: string;
  expected: string[];
}

/** mulberry32: small, fast and good enough to vary chat lines reproducibly. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function chatLineGenerator(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const digits = (count: number) => Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
  const toFullWidth = (text: string) => text.replace(/[0-9+\-()@.]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

  // Prefixes allocated to CN mobile operators across their whole 8-digit range.
  const mobilePrefixes = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '186', '187', '188'];
  const areaCodes = ['010', '021', '020', '0755', '0571', '028', '0512'];
  const writeMobile = (national: string): [string, string] => {
    const spaced = `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
    const written = pick([
      national,
      national,
      spaced,
      spaced.replaceAll(' ', '-'),
      `+86 ${spaced}`,
      `+86${national}`,
      `(+86)${national}`,
      `0086 ${national}`,
      `86-${national}`,
      toFullWidth(national),
    ]);
    return [written, `+86${national}`];
  };
  const writeLandline = (): [string, string] => {
    const area = pick(areaCodes);
    const local = `${pick(['2', '5', '6'])}${digits(7)}`;
    const written = pick([`${area}-${local}`, `(${area})${local}`, `${area} ${local.slice(0, 4)} ${local.slice(4)}`, `${area}-${local}转${digits(3)}`]);
    return [written, `+86${area.slice(1)}${local}`];
  };
  const international: ReadonlyArray<[string, string]> = [
    ['+1 (415) 555-2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+852 2123 4567', '+85221234567'],
    ['+886 912 345 678', '+886912345678'],
    ['+65 9123 4567', '+6591234567'],
  ];
  const names = ['zhang.wei', 'li_na', 'wangfang', 'chen.jie+crm', 'Liu.Yang', 'service', 'zhao99'];
  const domains = ['example.com', 'qq.com', '163.com', 'Corp.Example.cn', 'mail.shop.example.com.cn'];
  const writeEmail = (): [string, string] => {
    const address = `${pick(names)}@${pick(domains)}`;
    return [random() < 0.1 ? toFullWidth(address) : address, address.toLowerCase()];
  };
  const writeContact = (): [string, string] => {
    const roll = random();
    if (roll < 0.5) return writeMobile(`${pick(mobilePrefixes)}${digits(8)}`);
    if (roll < 0.7) return writeLandline();
    if (roll < 0.8) return pick(international);
    return writeEmail();
  };

  const contactTemplates = [
    (contact: string) => `我的手机是${contact}，麻烦尽快联系`,
    (contact: string) => `电话：${contact}`,
    (contact: string) => `好的，您记一下 ${contact} 这个`,
    (contact: string) => `客户留了联系方式 ${contact}，下午回访`,
    (contact: string) => `邮件或者电话都行：${contact}。`,
    (contact: string) => `you can reach me at ${contact} anytime`,
  ];
  const noise = [
    () => `您好，请问有什么可以帮您？`,
    () => `我想问一下这款的尺码，170 穿 L 还是 XL？`,
    () => `订单号 ${digits(17)}，什么时候发货`,
    () => `快递单号 SF${digits(13)}，麻烦查一下`,
    () => `运单号：YT${digits(13)}`,
    () => `${2020 + Math.floor(random() * 5)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)} 14:${digits(2)}:${digits(2)} 已付款`,
    () => `价格 ¥${digits(4)}.00，优惠后 ${digits(4)}元`,
    () => `验证码 ${digits(6)}，5 分钟内有效`,
    () => `身份证 11010519${digits(10)}`,
    () => `卡号 6222 ${digits(4)} ${digits(4)} ${digits(4)}`,
    () => `时间戳 17${digits(8)}，日志 17${digits(11)}`,
    () => `手机号 138****${digits(4)} 已绑定`,
    () => `客户端版本 v13.8.${digits(4)}，IP 192.168.${digits(2)}.${digits(2)}`,
    () => `图片 icon@2x.png 显示不出来 @客服小王`,
    () => `好的，谢谢，我再考虑一下 😊`,
    () => `亲，这边帮您登记了，3 个工作日内给您回复哦`,
  ];

  return (): GeneratedLine => {
    const roll = random();
    if (roll < 0.1) {
      const chat = pick(allChatLines);
      return { line: chat.line, expected: chat.expected };
    }
    if (roll < 0.35) {
      const [written, value] = writeContact();
      return { line: pick(contactTemplates)(written), expected: [value] };
    }
    return { line: pick(noise)(), expected: [] };
  };
}

/** Chat text of about `bytes` UTF-8 bytes, one message per line, with each line's expected contacts. */
export function buildChatText(bytes = TARGET_BYTES, seed = SEED): { text: string; lines: GeneratedLine[] } {
  const nextLine = chatLineGenerator(seededRandom(seed));
  const lines: GeneratedLine[] = [];
  let size = 0;
  while (size < bytes) {
    const generated = nextLine();
    lines.push(generated);
    size += Buffer.byteLength(generated.line) + 1;
  }
  return { text: lines.map((generated) => generated.line).join('\n'), lines };
}

function score(lines: readonly GeneratedLine[], found: readonly { start: number; value: string }[]) {
  const lineStarts: number[] = [];
  let offset = 0;
  for (const generated of lines) {
    lineStarts.push(offset);
    offset += generated.line.length + 1;
  }
  const foundPerLine = lines.map(() => [] as string[]);
  let lineIndex = 0;
  for (const contact of found) {
    while (lineIndex + 1 < lineStarts.length && lineStarts[lineIndex + 1]! <= contact.start) lineIndex++;
    foundPerLine[lineIndex]!.push(contact.value);
  }
  return recallAndPrecision(lines.map((generated, index) => ({ expected: generated.expected, found: foundPerLine[index]! })));
}

const PLAIN_EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

function baseline(text: string): number {
  return findPhoneNumbersInText(text, 'CN').length + (text.match(PLAIN_EMAIL)?.length ?? 0);
}

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function measureDetect() {
  const { text, lines } = buildChatText();
  const found = detectContacts(text);
  baseline(text); // warm both paths up before timing
  const oursMs: number[] = [];
  const baselineMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which runs first so neither always inherits a warmer or dirtier heap.
    if (round % 2 === 0) {
      oursMs.push(timed(() => detectContacts(text)));
      baselineMs.push(timed(() => baseline(text)));
    } else {
      baselineMs.push(timed(() => baseline(text)));
      oursMs.push(timed(() => detectContacts(text)));
    }
  }
  const megabytes = Buffer.byteLength(text) / 1_000_000;
  return {
    ...score(lines, found),
    oursMs: median(oursMs),
    baselineMs: median(baselineMs),
    megabytes,
    contacts: found.length,
  };
}

export async function benchDetect(): Promise<{
  detectSpeedupVsLibphonenumber: number;
  detectMbPerSecond: number;
  recall: number;
  precision: number;
}> {
  const measured = await measureDetect();
  return {
    detectSpeedupVsLibphonenumber: measured.baselineMs / measured.oursMs,
    detectMbPerSecond: measured.megabytes / (measured.oursMs / 1000),
    recall: measured.recall,
    precision: measured.precision,
  };
}

async function printDetectBenchmark() {
  const measured = await measureDetect();
  console.log(`text: ${measured.megabytes.toFixed(2)} MB, ${measured.contacts} contacts detected`);
  console.log(`detectContacts: ${measured.oursMs.toFixed(1)} ms (median of ${ROUNDS})`);
  console.log(`findPhoneNumbersInText + email regex: ${measured.baselineMs.toFixed(1)} ms (median of ${ROUNDS})`);
  console.log(`detectSpeedupVsLibphonenumber: ${(measured.baselineMs / measured.oursMs).toFixed(2)}`);
  console.log(`detectMbPerSecond: ${(measured.megabytes / (measured.oursMs / 1000)).toFixed(2)}`);
  console.log(`recall: ${measured.recall.toFixed(4)}  precision: ${measured.precision.toFixed(4)}`);
}

// ---------------------------------------------------------------------------------------------------
// The page scanner in real Chromium. Its algorithm (scanner.ts + page-reading.ts, bundled as the content
// script bundles them) is timed inside the page against a bare TreeWalker pass over the same page; the
// built extension itself is injected (as "Scan this page" does) to count long tasks during its first scan.

const LARGE_CONSOLE_MESSAGES = 5_000;
const SMALL_CONSOLE_MESSAGES = 500;
const SCAN_ROUNDS = 15;
const APPENDS_PER_ROUND = 300;
const LONG_TASK_MS = 50;
const PRODUCTION_CONTENT_SCRIPT = resolve('.output/chrome-mv3/page-scanner.js');
/** Routed by Playwright, so nothing listens there; 127.0.0.1 is a host the demo build may script. */
const CONSOLE_ORIGIN = 'http://127.0.0.1:9';

interface ScanBenchWindow {
  __crmScan: {
    createPageScanner: typeof import('../entrypoints/page-scanner/scanner').createPageScanner;
  };
  __longTasks: { startTime: number; duration: number }[];
}

/** `count` seeded chat lines, the same ones the detection figures use. */
function chatMessages(count: number, seed = SEED): string[] {
  const nextLine = chatLineGenerator(seededRandom(seed));
  return Array.from({ length: count }, () => nextLine().line);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A chat console as agents have it: visitor list, header, and a log of messages with sender and time. */
function consoleHtml(messages: readonly string[]): string {
  const log = messages
    .map((text, index) => {
      const visitor = index % 3 !== 2;
      const time = `${String(9 + (Math.floor(index / 600) % 10)).padStart(2, '0')}:${String(Math.floor(index / 10) % 60).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}`;
      return (
        `<div class="msg ${visitor ? 'msg--visitor' : 'msg--agent'}" data-id="m${index}">` +
        `<span class="avatar">${visitor ? '访' : '客'}</span><div class="bubble"><div class="meta">` +
        `<span class="who">${visitor ? `访客 ${8000 + (index % 50)}` : '客服小王'}</span><time>${time}</time></div>` +
        `<p class="text">${escapeHtml(text)}</p></div></div>`
      );
    })
    .join('\n');
  const visitors = Array.from(
    { length: 30 },
    (_, index) => `<li><span class="name">访客 ${8000 + index}</span><span class="badge">${index % 4}</span></li>`,
  ).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>在线客服工作台</title>
<script>
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ startTime: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
</script>
<style>body{margin:0;font:14px sans-serif;display:grid;grid-template-columns:220px 1fr}aside{border-right:1px solid #ddd}
#log{height:100vh;overflow:auto;padding:8px}.msg{display:flex;gap:8px;margin:6px 0}.bubble{background:#f1f3f5;border-radius:8px;padding:4px 8px}
.meta{color:#888;font-size:12px;display:flex;gap:8px}</style></head>
<body><aside><header><h1>会话</h1><input id="filter" placeholder="搜索访客"></header><ul>${visitors}</ul></aside>
<main><header class="chat-header"><h2>访客 8000</h2><span class="status">在线</span></header>
<section id="log">${log}</section>
<footer><textarea id="reply" placeholder="输入回复…"></textarea><button>发送</button></footer></main></body></html>`;
}

/** scanner.ts and page-reading.ts as one IIFE exposing `__crmScan`, built the way the content script is (minified). */
async function scannerBundle(): Promise<string> {
  const { build } = await import('esbuild');
  const built = await build({
    stdin: {
      contents: "export { createPageScanner } from './entrypoints/page-scanner/scanner';\n",
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: '__crmScan',
    minify: true,
    target: 'chrome116',
    write: false,
  });
  return built.outputFiles[0]!.text;
}

function ensureBuilt(dir: string, args: string[]) {
  if (existsSync(dir)) return;
  const built = spawnSync('npx', args, { stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`npx ${args.join(' ')} failed; the page-scan figures need ${dir}`);
}

async function openConsole(page: Page, name: string, messages: readonly string[], bundle?: string): Promise<void> {
  const url = `${CONSOLE_ORIGIN}/bench/${name}.html`;
  // tsx compiles this file keeping function names (`__name(fn, "name")`), and page.evaluate sends the
  // functions' source into the page: give the page that helper as the identity.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: consoleHtml(messages) }));
  await page.goto(url);
  if (bundle) await page.addScriptTag({ content: bundle });
}

/** Medians over alternating rounds of the scanner's first flush and of a bare TreeWalker pass over the same page. */
async function timeInitialScan(page: Page) {
  return page.evaluate((rounds) => {
    const { createPageScanner } = (window as unknown as ScanBenchWindow).__crmScan;
    const treeWalkerPass = () => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) text += node.nodeValue;
      return text.length;
    };
    let readings = 0;
    const scannerPass = () => {
      // A first scan meets a page whose element lists the browser has not cached yet: change the page.
      document.body.append(document.createElement('i'));
      document.body.lastElementChild!.remove();
      const flushes: (() => void)[] = [];
      readings = 0;
      const scanner = createPageScanner({
        // Sending a report serialises it in the page: timed too.
        report: (batch) => (readings += JSON.stringify(batch) ? batch.length : 0),
        schedule: (flush) => flushes.push(flush),
      });
      scanner.start();
      const started = performance.now();
      // A first scan of a big page runs in several slices; time them all, back to back.
      while (flushes.length > 0) flushes.shift()!();
      const elapsed = performance.now() - started;
      scanner.stop();
      return elapsed;
    };
    const timed = (run: () => unknown) => {
      const started = performance.now();
      run();
      return performance.now() - started;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    treeWalkerPass();
    scannerPass(); // warm both up: first runs compile and fill caches
    const scannerMs: number[] = [];
    const treeWalkerMs: number[] = [];
    for (let round = 0; round < rounds; round++) {
      if (round % 2 === 0) {
        scannerMs.push(scannerPass());
        treeWalkerMs.push(timed(treeWalkerPass));
      } else {
        treeWalkerMs.push(timed(treeWalkerPass));
        scannerMs.push(scannerPass());
      }
    }
    return { scannerMs: median(scannerMs), treeWalkerMs: median(treeWalkerMs), readings, nodes: document.getElementsByTagName('*').length };
  }, SCAN_ROUNDS);
}

/**
 * Medians over rounds of the time to append APPENDS_PER_ROUND messages one at a time, each followed by
 * its MutationObserver callback and, once the browser has rendered the frame, the scanner's flush of it —
 * what a live chat costs per message — with the console holding SMALL_CONSOLE_MESSAGES and
 * LARGE_CONSOLE_MESSAGES messages in alternate rounds, in one page (same code, same warm-up). A round's
 * figure is the sum of its messages' times: the page's clock is coarse (0.1 ms) but jittered, so the
 * sum of many small readings does not drift.
 */
async function timeIncrementalScans(page: Page, newMessages: readonly string[]) {
  return page.evaluate(
    async ({ rounds, lines, smallCount }) => {
      const { createPageScanner } = (window as unknown as ScanBenchWindow).__crmScan;
      const flushes: (() => void)[] = [];
      const drain = () => {
        while (flushes.length > 0) flushes.shift()!();
      };
      const renderedFrame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done)));
      const scanner = createPageScanner({ report: (batch) => JSON.stringify(batch), schedule: (flush) => flushes.push(flush) });
      scanner.start();
      drain();
      const log = document.getElementById('log')!;
      const older = [...log.children].slice(smallCount);
      const template = log.lastElementChild!;
      const resize = async (large: boolean) => {
        if (large === older[0]!.isConnected) return;
        if (large) log.append(...older);
        else older.forEach((message) => message.remove());
        await Promise.resolve();
        drain(); // growing the console rescans the older messages once: not part of what is timed
      };
      const appendOneByOne = async () => {
        const messages = lines.map((line) => {
          const message = template.cloneNode(true) as Element;
          message.querySelector('.text')!.textContent = line;
          return message;
        });
        let elapsed = 0;
        for (const message of messages) {
          const appendedAt = performance.now();
          log.append(message);
          await Promise.resolve(); // the MutationObserver's callback is a microtask queued by append
          elapsed += performance.now() - appendedAt;
          // The scanner flushes in an idle callback, after the browser has laid the new message out for
          // the frame; flushing at once would time the browser's layout of the whole log, not the scan.
          await renderedFrame();
          const flushedAt = performance.now();
          drain();
          elapsed += performance.now() - flushedAt;
        }
        messages.forEach((message) => message.remove());
        await Promise.resolve();
        flushes.splice(0); // removals schedule a flush with nothing to read
        return elapsed;
      };
      const small: number[] = [];
      const large: number[] = [];
      // Round 0 of each size warms up and is not counted; then sizes alternate.
      for (let round = 0; round <= rounds; round++) {
        for (const isLarge of round % 2 === 0 ? [false, true] : [true, false]) {
          await resize(isLarge);
          const elapsed = await appendOneByOne();
          if (round > 0) (isLarge ? large : small).push(elapsed);
        }
      }
      scanner.stop();
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      return { appendAtSmallMs: median(small), appendAtLargeMs: median(large) };
    },
    { rounds: SCAN_ROUNDS, lines: newMessages, smallCount: SMALL_CONSOLE_MESSAGES },
  );
}

/** Long tasks (> 50 ms) from injecting the built content script until its reports are stored. */
async function countLongTasksOfFirstScan(browser: Awaited<ReturnType<typeof launchWithExtension>>, messages: readonly string[]) {
  const page = await browser.context.newPage();
  await openConsole(page, 'console-long-tasks', messages);
  await page.waitForTimeout(1000); // let parsing, layout and the page's own long tasks settle first
  const injectedAt = await page.evaluate(() => performance.now());
  const worker = await browser.serviceWorker();
  const url = page.url();
  const tabId = await worker.evaluate(async (consoleUrl) => {
    const [tab] = await chrome.tabs.query({ url: consoleUrl });
    await chrome.scripting.executeScript({ target: { tabId: tab!.id!, allFrames: true }, files: ['/page-scanner.js'] });
    return tab!.id!;
  }, url);
  // Reports are stored per tab by the background; wait for the first, then for the remaining slices of
  // the scan (each runs within the scanner's 300 ms idle-callback timeout; the stored list caps at 50,
  // so its length cannot tell when the scan ends).
  const deadline = Date.now() + 20_000;
  for (;;) {
    const stored = await worker.evaluate(async (id) => {
      const { tabContacts } = (await chrome.storage.session.get('tabContacts')) as { tabContacts?: Record<string, unknown[]> };
      return tabContacts?.[id]?.length ?? 0;
    }, tabId);
    if (stored > 0) break;
    if (Date.now() > deadline) throw new Error('the injected page scanner reported nothing within 20 s');
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(2000);
  const longTasks = await page.evaluate((since) => (window as unknown as ScanBenchWindow).__longTasks.filter((task) => task.startTime >= since), injectedAt);
  await page.close();
  return longTasks.filter((task) => task.duration > LONG_TASK_MS);
}

async function measurePageScan() {
  ensureBuilt(EXTENSION_DIR, ['wxt', 'build', '--mode', 'demo']);
  ensureBuilt(resolve('.output/chrome-mv3'), ['wxt', 'build']);
  const bundle = await scannerBundle();
  const messages = chatMessages(LARGE_CONSOLE_MESSAGES);
  const newMessages = chatMessages(APPENDS_PER_ROUND, SEED + 1);
  const browser = await launchWithExtension({ lang: 'zh-CN' });
  try {
    const console5000 = await browser.context.newPage();
    await openConsole(console5000, 'console-5000', messages, bundle);
    const initial = await timeInitialScan(console5000);
    const { appendAtSmallMs: appendAt500Ms, appendAtLargeMs: appendAt5000Ms } = await timeIncrementalScans(console5000, newMessages);
    await console5000.close();

    const longTasks = await countLongTasksOfFirstScan(browser, messages);
    const contentScript = readFileSync(PRODUCTION_CONTENT_SCRIPT);
    return {
      ...initial,
      appendAt500Ms,
      appendAt5000Ms,
      longTasks,
      contentScriptRawBytes: contentScript.length,
      contentScriptGzipBytes: gzipSync(contentScript, { level: 9 }).length,
    };
  } finally {
    await browser.close();
  }
}

export async function benchPageScan(): Promise<{
  pageScanRatioVsTreeWalker: number;
  incrementalScanRatio5000v500: number;
  longTasksOver50ms: number;
  contentScriptRawBytes: number;
  contentScriptGzipBytes: number;
}> {
  const measured = await measurePageScan();
  return {
    pageScanRatioVsTreeWalker: measured.scannerMs / measured.treeWalkerMs,
    incrementalScanRatio5000v500: measured.appendAt5000Ms / measured.appendAt500Ms,
    longTasksOver50ms: measured.longTasks.length,
    contentScriptRawBytes: measured.contentScriptRawBytes,
    contentScriptGzipBytes: measured.contentScriptGzipBytes,
  };
}

async function printPageScanBenchmark() {
  const measured = await measurePageScan();
  console.log(`console page: ${LARGE_CONSOLE_MESSAGES} messages, ${measured.nodes} elements, ${measured.readings} texts sent to the background`);
  console.log(
    `page scanner first scan: ${measured.scannerMs.toFixed(2)} ms; bare TreeWalker pass: ${measured.treeWalkerMs.toFixed(2)} ms (medians of ${SCAN_ROUNDS})`,
  );
  console.log(`pageScanRatioVsTreeWalker: ${(measured.scannerMs / measured.treeWalkerMs).toFixed(2)} (target ≤ 2)`);
  console.log(
    `${APPENDS_PER_ROUND} messages appended and scanned one by one: ${measured.appendAt500Ms.toFixed(2)} ms at ${SMALL_CONSOLE_MESSAGES} messages, ` +
      `${measured.appendAt5000Ms.toFixed(2)} ms at ${LARGE_CONSOLE_MESSAGES} (medians of ${SCAN_ROUNDS})`,
  );
  console.log(`incrementalScanRatio5000v500: ${(measured.appendAt5000Ms / measured.appendAt500Ms).toFixed(2)} (target ≤ 1.5)`);
  console.log(`longTasksOver50ms: ${measured.longTasks.length} (target 0)${measured.longTasks.map((task) => ` ${task.duration.toFixed(0)} ms`).join(',')}`);
  console.log(`content script: ${measured.contentScriptRawBytes} B raw, ${measured.contentScriptGzipBytes} B gzip (target ≤ 15000 gzip)`);
}

// Run alone (npx tsx bench/detect.bench.ts); imported by a runner, it only exports.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void printDetectBenchmark()
    .then(printPageScanBenchmark)
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
