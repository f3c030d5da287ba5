// A visitor keeps writing in a live chat console — in the page, inside a widget's open shadow root and
// inside a same-origin history frame — and the panel's contact list picks up each new number, email or
// WhatsApp link, newest first, while order numbers, prices, masked emails and session ids never show; on
// a site that is not enabled, a scan on demand finds the visitor's number. Pages are served on the mock's
// origins through Playwright routing.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enableScanningOn, openPanel } from './support/agent';
import { agentWithSobot } from './support/setup';

mkdirSync('e2e/artifacts', { recursive: true });

const CONTACT_LIST = 'Contacts detected on this page';

/** What the visitor writes, where, and the contact (as the panel spells it) each line should add. */
const VISITOR_SCRIPT: { where: 'page' | 'shadow' | 'frame'; text: string; shows?: string }[] = [
  { where: 'page', text: '订单号 20231105123456789，价格 ¥1380.00 已付款，什么时候发货？' },
  { where: 'page', text: '我的手机是 +86 138 1234 5678，麻烦尽快联系', shows: '138 1234 5678' },
  { where: 'page', text: '快递单号 SF1234567890123，验证码 482913' },
  {
    where: 'shadow',
    text: '邮箱 Li.Ming.Customer-Service@Mail.Subdomain.Example-Company.com.cn 也可以',
    shows: 'li.ming.customer-service@mail.subdomain.example-company.com.cn',
  },
  { where: 'frame', text: '公司座机 (0755)86013388 转 801', shows: '0755-86013388' },
  { where: 'page', text: '¥13800 的那款还有吗？订单 13812345678 也查一下' },
  { where: 'page', text: '香港的号码是 +852 9123 4567', shows: '+85291234567' },
  { where: 'shadow', text: '旧邮箱 zh****an@qq.com 不用了，会话ID 13912345678 请备注' },
  { where: 'page', text: '英国同事的 WhatsApp：https://wa.me/447911123456?text=hi', shows: '+447911123456' },
];
const EXPECTED_IN_ORDER = VISITOR_SCRIPT.flatMap((line) => (line.shows ? [line.shows] : []));
const DECOY_FRAGMENTS = ['20231105123456789', '1380', '13800', 'SF1234567890123', '482913', '+8613812345678', 'an@qq.com', '139 1234 5678'];
const MESSAGE_EVERY_MS = 1200;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The console: a message log, a widget with an open shadow root, a same-origin history frame, and a visitor on a timer. */
function consoleHtml(frameUrl: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>在线客服 · 访客会话</title>
<style>
  body { margin: 0; font: 14px sans-serif; display: grid; grid-template-columns: 1fr 320px; height: 100vh; }
  #chat { padding: 12px; overflow: auto; }
  .message { margin: 6px 0; padding: 6px 10px; border-radius: 8px; background: #f1f3f5; max-width: 70%; }
  iframe { width: 100%; height: 100%; border: 0; border-left: 1px solid #ddd; }
</style></head>
<body>
  <main id="chat"><div class="message visitor"><p>您好，我想咨询一下这款外套</p></div><visitor-card id="card"></visitor-card></main>
  <iframe id="history" title="历史会话" src="${escapeHtml(frameUrl)}"></iframe>
  <script>
    const script = ${JSON.stringify(VISITOR_SCRIPT.map(({ where, text }) => ({ where, text }))).replace(/</g, '\\u003c')};
    const card = document.getElementById('card').attachShadow({ mode: 'open' });
    card.innerHTML = '<section id="log"><p>访客资料卡</p></section>';
    function logFor(where) {
      if (where === 'shadow') return card.getElementById('log');
      if (where === 'frame') return document.getElementById('history').contentDocument.getElementById('log');
      return document.getElementById('chat');
    }
    window.written = 0;
    window.startVisitor = (everyMs) => {
      const timer = setInterval(() => {
        const { where, text } = script[window.written];
        const log = logFor(where);
        const bubble = log.ownerDocument.createElement('div');
        bubble.className = 'message visitor';
        bubble.append(Object.assign(log.ownerDocument.createElement('p'), { textContent: text }));
        log.append(bubble);
        if (++window.written === script.length) clearInterval(timer);
      }, everyMs);
    };
  </script>
</body></html>`;
}

const HISTORY_FRAME_HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>历史会话</title></head>
<body><section id="log"><p>历史会话（同源框架）</p></section></body></html>`;

async function serve(page: Page, url: string, body: string) {
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
}

/** The contact list's entries, top to bottom, as the agent reads them. */
async function listedContacts(panel: Page): Promise<string[]> {
  const list = panel.getByRole('navigation', { name: CONTACT_LIST });
  // Past a handful the rest wait behind "+N more": the agent opens it to read them all.
  const more = list.locator('button[aria-expanded="false"]');
  if (await more.count()) await more.click();
  const buttons = list.getByRole('button', { pressed: true }).or(list.getByRole('button', { pressed: false }));
  return (await buttons.allTextContents()).map((text) => text.trim());
}

describe('detecting contacts in a live chat console', () => {
  const agent = agentWithSobot();

  it('adds each contact the visitor writes — page, shadow root, frame — newest first, and never a decoy', async () => {
    const chat = await agent.browser.context.newPage();
    const consoleUrl = `${agent.mock.url}/e2e/detection-console.html`;
    const frameUrl = `${agent.mock.url}/e2e/detection-history.html`;
    await serve(chat, consoleUrl, consoleHtml(frameUrl));
    await serve(chat, frameUrl, HISTORY_FRAME_HTML);
    await chat.goto(consoleUrl);
    expect(chat.frames()).toHaveLength(2);

    const panel = await openPanel(agent.browser);
    await enableScanningOn(panel);
    await chat.evaluate((everyMs) => (window as unknown as { startVisitor(ms: number): void }).startVisitor(everyMs), MESSAGE_EVERY_MS);

    for (const [index, shown] of EXPECTED_IN_ORDER.entries()) {
      await panel
        .getByRole('navigation', { name: CONTACT_LIST })
        .getByRole('button', { name: new RegExp(shown.replace(/[+.]/g, '\\$&')) })
        .waitFor({ timeout: 20_000 });
      // Whatever arrived since, the list is the contacts so far, newest first, with nothing else in it.
      const listed = await listedContacts(panel);
      const newestFirst = EXPECTED_IN_ORDER.slice(0, listed.length).reverse();
      expect(listed.length).toBeGreaterThan(index);
      expect(listed.map((entry) => newestFirst.findIndex((value) => entry.endsWith(value)))).toEqual(newestFirst.map((_, at) => at));
    }

    await chat.waitForFunction((count) => (window as unknown as { written: number }).written === count, VISITOR_SCRIPT.length);
    // The last lines were decoys' neighbours: give a late report time to (wrongly) arrive before the final check.
    await panel.waitForTimeout(1500);
    const listed = await listedContacts(panel);
    expect(listed).toEqual([...EXPECTED_IN_ORDER].reverse().map((value) => expect.stringContaining(value)));
    for (const decoy of DECOY_FRAGMENTS) expect(listed.join('\n')).not.toContain(decoy);

    // A long address is cut inside its entry: the panel never scrolls sideways.
    const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await panel.bringToFront();
    await panel.screenshot({ path: 'e2e/artifacts/detection.png', fullPage: true });
  });

  it('finds the number on a site that is not enabled when the agent scans it on demand', async () => {
    // localhost is not the enabled 127.0.0.1, so nothing scans this page until the scanner is injected
    // the way the "Scan this page" menu and Alt+Shift+S do (scripting.executeScript into all frames).
    const port = new URL(agent.mock.url).port;
    const pageUrl = `http://localhost:${port}/e2e/on-demand.html`;
    const chat = await agent.browser.context.newPage();
    await serve(
      chat,
      pageUrl,
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>工单</title></head><body><p>订单号 20231105123456789</p><p>回电 021 5888 8888 转 123</p></body></html>`,
    );
    await chat.goto(pageUrl);
    const panel = await openPanel(agent.browser);
    await panel.getByText(`Detection is off on localhost:${port}`).waitFor();
    expect(await panel.getByRole('navigation', { name: CONTACT_LIST }).count()).toBe(0);

    const worker = await agent.browser.serviceWorker();
    await worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.scripting.executeScript({ target: { tabId: tab!.id!, allFrames: true }, files: ['/page-scanner.js'] });
    }, pageUrl);

    await panel
      .getByRole('navigation', { name: CONTACT_LIST })
      .getByRole('button', { name: /021-58888888/ })
      .waitFor({ timeout: 15_000 });
    expect(await listedContacts(panel)).toEqual([expect.stringContaining('021-58888888')]);
  });
});
