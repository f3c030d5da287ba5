// The customer the agent chose stays theirs: a visitor writing another number, a page planting one out of
// sight, closing the panel or a restarted worker never change whom the agent is working on or whom a
// write goes to; and no page can make the extension flood the CRM with searches.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CUSTOMERS } from '../dev/mock-crm/sobot/fixtures';
import { storedCustomer } from './chaos/mock-crm';
import { startSobotMock } from '../dev/mock-crm/sobot/server';
import { CHINESE, connectCrm, enableScanningOn, openPanel } from './support/agent';
import { launchWithExtension } from './support/browser';
import { openConversation, visitorWrites } from './support/conversation';
import { requestCounts } from './support/mock-control';
import { agentWithSobot } from './support/setup';

mkdirSync('e2e/artifacts', { recursive: true });

/** The page writes a line where the agent cannot see it: a zero-size box far off the page. */
async function pagePlantsOutOfSight(chat: Page, line: string): Promise<void> {
  await chat.evaluate((text) => {
    const box = document.createElement('div');
    box.setAttribute('style', 'position:absolute;left:-9999px;top:0;width:0;height:0;overflow:hidden');
    box.textContent = text;
    document.body.append(box);
  }, line);
}

/** The page writes a line in a 1×1 px box that cuts off its overflow, the line itself laid out wide. */
async function pagePlantsVisuallyHidden(chat: Page, line: string): Promise<void> {
  await chat.evaluate((text) => {
    const box = document.createElement('div');
    box.setAttribute('style', 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)');
    box.append(Object.assign(document.createElement('p'), { textContent: text, style: 'width:400px;font-size:16px' }));
    document.getElementById('chat')!.append(box);
  }, line);
}

/** The customer as the CRM stores it, whole. */
async function storedRecord(mockUrl: string, customerId: string): Promise<unknown> {
  const response = await fetch(`${mockUrl}/__control/state/customer/${encodeURIComponent(customerId)}`);
  return ((await response.json()) as { customer: unknown }).customer;
}

/** The customer's name on the card, and the new contact offered instead, if any: what a failure shows. */
async function whatTheCardShows(panel: Page): Promise<{ card: string[]; offer: string | null }> {
  const offer = panel.getByRole('status', { name: 'New contact on the page' });
  return {
    card: await panel.getByRole('article').getByRole('heading', { level: 2 }).allTextContents(),
    offer: (await offer.count()) > 0 ? await offer.textContent() : null,
  };
}

const searches = async (mockUrl: string) => (await requestCounts(mockUrl))['user/list_by_page'] ?? 0;

describe('the customer the agent chose', () => {
  const agent = agentWithSobot({ me: '王斌', scanningEnabled: true });

  it('stays on screen while the agent writes a note, whatever the visitor writes; the note goes to them, and Switch opens the new contact', async () => {
    const { zhangWei, liNa } = FIXTURE_CUSTOMERS;
    const chat = await openConversation(agent.browser, agent.mock.url, ['我是张伟，电话 138 1234 5678']);
    const panel = await openPanel(agent.browser, 360);
    await panel.getByRole('heading', { name: '张伟' }).waitFor();
    const composer = panel.getByLabel('Follow-up note');
    await composer.click();
    const note = '客户想开增值税发票，已告知流程';
    await composer.pressSequentially(note.slice(0, 8));

    await visitorWrites(chat, '我爱人的手机 139 1234 5678');
    await visitorWrites(chat, '我爱人的邮箱 lina_1990@163.com');
    const offer = panel.getByRole('status', { name: 'New contact on the page' });
    await offer.getByText('lina_1990@163.com').waitFor();
    // Long past any lookup: the card, the draft and the focus are where the agent left them.
    await panel.waitForTimeout(6_000);
    expect(await panel.getByRole('heading', { name: '张伟' }).isVisible()).toBe(true);
    expect(await panel.getByRole('heading', { name: '李娜' }).count()).toBe(0);
    expect(await composer.inputValue()).toBe(note.slice(0, 8));
    expect(await composer.evaluate((field) => field === document.activeElement)).toBe(true);
    await panel.screenshot({ path: 'e2e/artifacts/new-contact-offer-360-en.png' });
    await panel.setViewportSize({ width: 420, height: 800 });
    await panel.screenshot({ path: 'e2e/artifacts/new-contact-offer-420-en.png' });
    await panel.setViewportSize({ width: 360, height: 800 });

    await composer.pressSequentially(note.slice(8));
    await composer.press('Control+Enter');
    await expect
      .poll(async () => (await storedCustomer(agent.mock.url, zhangWei.id)).notes.filter((text) => text === note).length, { timeout: 15_000 })
      .toBe(1);
    expect((await storedCustomer(agent.mock.url, liNa.id)).notes).not.toContain(note);

    await offer.getByRole('button', { name: 'Switch' }).click();
    await panel.getByRole('heading', { name: '李娜' }).waitFor();
    expect(await panel.getByRole('status', { name: 'New contact on the page' }).count()).toBe(0);
    await panel.close();
    await chat.close();
  });

  it('never lets a page change whom an open confirmation is about, nor look up what it hides', async () => {
    const { zhangWei, liNa } = FIXTURE_CUSTOMERS;
    const chat = await openConversation(agent.browser, agent.mock.url, ['张伟 138 1234 5678']);
    const panel = await openPanel(agent.browser, 360);
    await panel.getByRole('heading', { name: '张伟' }).waitFor();
    const liNaBefore = await storedRecord(agent.mock.url, liNa.id);

    await panel.getByText('Details', { exact: true }).click();
    await panel.getByRole('button', { name: 'Assign to me' }).click();
    const assign = panel.getByText('Assign 张伟 to 王斌?');
    await assign.waitFor();
    const searchesBefore = await searches(agent.mock.url);
    await pagePlantsOutOfSight(chat, '李娜 139 1234 5678');
    await pagePlantsVisuallyHidden(chat, '李娜 lina_1990@163.com');
    // What the page planted is listed as hidden, never looked up, and the question still names 张伟.
    await panel.getByRole('button', { name: /139 1234 5678.*hidden/ }).waitFor();
    await panel.getByRole('button', { name: /lina_1990@163\.com.*hidden/ }).waitFor();
    await panel.waitForTimeout(3_000);
    expect(await searches(agent.mock.url)).toBe(searchesBefore);
    expect(await assign.isVisible()).toBe(true);
    await panel.keyboard.press('Enter');
    await panel.getByRole('log').getByText('Assigned to 王斌.').waitFor();

    await panel.getByRole('button', { name: 'Return to public pool' }).click();
    await panel.getByText('Return 张伟 to the public pool?').waitFor();
    await pagePlantsOutOfSight(chat, 'lina_1990@163.com');
    await panel.waitForTimeout(3_000);
    expect(await panel.getByText('Return 张伟 to the public pool?').isVisible()).toBe(true);
    await panel.keyboard.press('Enter');
    await panel.getByRole('log').getByText('Returned to the public pool.').waitFor();

    expect(await storedRecord(agent.mock.url, liNa.id)).toEqual(liNaBefore);
    expect(await searches(agent.mock.url)).toBe(searchesBefore);
    expect(await storedRecord(agent.mock.url, zhangWei.id)).not.toEqual(liNaBefore);
    await panel.close();
    await chat.close();
  });

  it('looks up the number the visitor wrote far up a scrolled chat log, but not one placed above the page', async () => {
    // A console scrolls its log, not the page: the visitor's number, forty messages up, is out of view
    // but where the agent scrolls back to. A number placed above the log's top is where nobody scrolls.
    const chatter = Array.from({ length: 40 }, (_, index) => `第 ${index + 1} 条消息：好的，我再看看`);
    const chat = await openConversation(agent.browser, agent.mock.url, []);
    await chat.evaluate(
      (lines) => {
        const log = document.getElementById('chat')!;
        log.setAttribute('style', 'position:relative;height:240px;overflow:auto');
        for (const text of lines) log.append(Object.assign(document.createElement('p'), { textContent: text }));
        const placed = Object.assign(document.createElement('p'), { textContent: '李娜 139 1234 5678' });
        placed.setAttribute('style', 'position:absolute;top:-600px;left:0');
        log.append(placed);
        log.scrollTop = log.scrollHeight;
      },
      ['我的手机是 138 1234 5678', ...chatter],
    );
    expect(await chat.evaluate(() => document.getElementById('chat')!.scrollTop)).toBeGreaterThan(600);
    const panel = await openPanel(agent.browser, 360);
    await panel.getByRole('heading', { name: '张伟' }).waitFor();
    await panel.getByRole('button', { name: /139 1234 5678.*hidden/ }).waitFor();
    await panel.close();
    await chat.close();
  });

  it('looks up the number in a message the console fades in from opacity 0, even while the tab runs no animation frame', async () => {
    const chat = await openConversation(agent.browser, agent.mock.url, ['我是张伟，电话 138 1234 5678']);
    const panel = await openPanel(agent.browser, 360);
    await panel.getByRole('heading', { name: '张伟' }).waitFor();
    // A busy or background tab runs a fade late, or not at all until it draws again: here its clock stands
    // still, so the message stays transparent and no animation event comes. The fade under way is enough.
    const devtools = await agent.browser.context.newCDPSession(chat);
    await devtools.send('Animation.enable');
    await devtools.send('Animation.setPlaybackRate', { playbackRate: 0 });
    // The console adds each message transparent and fades it in a moment later.
    await chat.evaluate((text) => {
      const style = document.createElement('style');
      style.textContent = '@keyframes arrive { from { opacity: 0 } to { opacity: 1 } } .arriving { animation: arrive 300ms ease-out 150ms both }';
      document.head.append(style);
      const message = Object.assign(document.createElement('p'), { className: 'arriving', textContent: text });
      document.getElementById('chat')!.append(message);
    }, '我爱人的手机 139 1234 5678');
    // Listed as a contact the agent sees (no "hidden" mark), then opened by itself: the agent is not in the panel.
    const contact = panel.getByRole('button', { name: /139 1234 5678/ });
    await expect.poll(() => contact.textContent(), { timeout: 10_000 }).toMatch(/^(?!.*hidden).*139 1234 5678/);
    await expect.poll(() => whatTheCardShows(panel), { timeout: 10_000 }).toEqual({ card: ['李娜'], offer: null });
    await panel.close();
    await chat.close();
  });

  it('keeps the customer chosen for a shared number across closing the panel and a worker restart, and opens them directly next time', async () => {
    const chat = await openConversation(agent.browser, agent.mock.url, ['我们家的电话是 137-0000-0000']);
    let panel = await openPanel(agent.browser, 360);
    await panel.getByText('2 customers share this contact. Choose one:').waitFor();
    await panel.getByRole('button', { name: /陈建国/ }).click();
    await panel.getByRole('heading', { name: '陈建国' }).waitFor();
    await panel.getByRole('button', { name: /Pinned/ }).waitFor();
    await panel.screenshot({ path: 'e2e/artifacts/pinned-card-360-en.png' });
    await panel.setViewportSize({ width: 420, height: 800 });
    await panel.screenshot({ path: 'e2e/artifacts/pinned-card-420-en.png' });
    await panel.close();

    const watcher = await agent.browser.context.newPage();
    const cdp = await agent.browser.context.newCDPSession(watcher);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await watcher.close();
    await chat.bringToFront();
    panel = await openPanel(agent.browser, 360);
    await panel.getByRole('heading', { name: '陈建国' }).waitFor();
    expect(await panel.getByText('2 customers share this contact. Choose one:').count()).toBe(0);
    await panel.close();

    // Another conversation with the same number: the agent's choice opens directly, and says so.
    const next = await openConversation(agent.browser, agent.mock.url, ['电话 13700000000']);
    panel = await openPanel(agent.browser, 360);
    await panel.getByRole('heading', { name: '陈建国' }).waitFor();
    await panel.getByText('Opened the customer you chose for this contact before.').waitFor();
    await panel.getByRole('button', { name: 'Not this one?' }).click();
    await panel.getByText('2 customers share this contact. Choose one:').waitFor();
    await panel.close();
    await next.close();
    await chat.close();
  });

  it('bounds the searches a page writing numbers in a loop can cause, and still answers the agent', async () => {
    const chat = await openConversation(agent.browser, agent.mock.url, ['您好']);
    const panel = await openPanel(agent.browser, 360);
    await panel.getByRole('button', { name: 'Enable on this site' }).waitFor({ state: 'detached' });
    const flood = (visible: boolean) =>
      chat.evaluate(async (shown) => {
        const box = document.createElement('div');
        if (!shown) box.setAttribute('style', 'display:none');
        document.body.append(box);
        for (let n = 0; n < 200; n++) {
          box.textContent = `来电 186${String(n).padStart(8, '0')}`;
          await new Promise((resolve) => setTimeout(resolve, 40));
        }
      }, visible);

    const before = await searches(agent.mock.url);
    await flood(false);
    await panel.waitForTimeout(1_500);
    expect(await searches(agent.mock.url)).toBe(before);

    await flood(true);
    await panel.waitForTimeout(2_000);
    const caused = (await searches(agent.mock.url)) - before;
    console.log(`flood: 200 visible numbers in 8 s caused ${caused} CRM searches; 200 hidden ones caused 0`);
    expect(caused).toBeLessThanOrEqual(30);

    // The agent's own search is answered at once.
    await panel.getByLabel('Search by').selectOption({ label: 'Nickname' });
    await panel.getByRole('searchbox', { name: 'Search customers' }).fill('张伟');
    await panel.getByRole('searchbox', { name: 'Search customers' }).press('Enter');
    await panel.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: /张伟/ }).first().waitFor();
    await panel.close();
    await chat.close();
  });
});

describe('the offer and the pin, in Chinese', () => {
  it('names the offered contact and the pin in the agent’s language, without a Latin sentence', async () => {
    const mock = await startSobotMock({ port: 0 });
    const browser = await launchWithExtension({ lang: 'zh-CN' });
    try {
      await (await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey }, CHINESE)).close();
      const chat = await openConversation(browser, mock.url, ['我们家的电话是 137-0000-0000']);
      const panel = await openPanel(browser, 360);
      await enableScanningOn(panel, CHINESE);
      await panel.getByRole('button', { name: /陈建国/ }).click();
      await panel.getByRole('heading', { name: '陈建国' }).waitFor();
      await panel.getByLabel('跟进记录').fill('客户要开发票');
      await visitorWrites(chat, '另一个号码 138 1234 5678');
      const offer = panel.getByRole('status', { name: '页面上有新的联系方式' });
      await offer.getByRole('button', { name: '切换' }).waitFor();
      await panel.getByRole('button', { name: /已固定/ }).waitFor();
      expect(await offer.textContent()).not.toMatch(/[A-Za-z]{3,}/);
      await panel.screenshot({ path: 'e2e/artifacts/new-contact-offer-pinned-360-zh.png' });
      await panel.setViewportSize({ width: 420, height: 800 });
      await panel.screenshot({ path: 'e2e/artifacts/new-contact-offer-pinned-420-zh.png' });
    } finally {
      await browser.close();
      await mock.close();
    }
  });
});
