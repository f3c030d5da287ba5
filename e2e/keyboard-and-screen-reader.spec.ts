// The panel for an agent on the keyboard with a screen reader: each write's outcome is announced once,
// every confirmation, picker and form closes on Escape with focus back where it was, forms take focus
// and lead it to their first problem, focus rings are never cut off, and the page's language is the
// language its text is in.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CUSTOMERS } from '../dev/mock-crm/sobot/fixtures';
import { storedCustomer } from './chaos/mock-crm';
import { openPanel } from './support/agent';
import { launchWithExtension } from './support/browser';
import { openConversation } from './support/conversation';
import { control } from './support/mock-control';
import { agentWithSobot } from './support/setup';
import { uiText } from './support/ui-text';

/** What has focus, as "role: name" (near enough to what a screen reader says). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const label =
      element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement
        ? element.labels?.[0]?.textContent
        : undefined;
    return `${element.getAttribute('role') ?? element.tagName.toLowerCase()}: ${(element.getAttribute('aria-label') ?? label ?? element.textContent ?? '').trim()}`;
  });

/** Records every text added to the page's live regions from now on, as a screen reader would hear it. */
async function listenToLiveRegions(page: Page) {
  await page.evaluate(() => {
    const heard: string[] = [];
    Object.assign(window, { heard });
    const live = (node: Node | null) =>
      node instanceof Element && node.closest('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]');
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        if (!live(mutation.target instanceof Element ? mutation.target : mutation.target.parentElement)) continue;
        for (const node of mutation.addedNodes) if (node.textContent?.trim()) heard.push(node.textContent.trim());
        if (mutation.type === 'characterData' && mutation.target.textContent?.trim()) heard.push(mutation.target.textContent.trim());
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  return async (text: string) => (await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).filter((each) => each.includes(text)).length;
}

describe('keyboard and screen reader', () => {
  const agent = agentWithSobot({ me: '王斌', scanningEnabled: true });
  const stored = (customerId: string) => storedCustomer(agent.mock.url, customerId);

  async function panelFor(line: string, name: string): Promise<Page> {
    await openConversation(agent.browser, agent.mock.url, [line]);
    const panel = await openPanel(agent.browser, 360);
    await panel.getByRole('article').getByRole('heading', { name }).waitFor();
    return panel;
  }

  it('announces the outcome of every write once: labels, stage, a note that waits and lands, ownership', async () => {
    const panel = await panelFor('我的手机是138 1234 5678', '张伟');
    const timesHeard = await listenToLiveRegions(panel);
    const log = panel.getByRole('log', { name: 'Results of your changes' });

    await panel.getByRole('button', { name: 'Change labels' }).click();
    const editor = panel.getByRole('region', { name: 'Label editor' });
    await editor.getByText('Reading the latest labels…').waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: '抖音', exact: true }).click();
    await log.getByText('Labels +抖音 — Saved in the CRM').waitFor({ timeout: 15_000 });

    await panel
      .getByRole('region', { name: 'Follow-up stage' })
      .getByRole('button', { name: /正常跟进/ })
      .click();
    await log.getByText('Stage → 正常跟进 — Saved in the CRM').waitFor({ timeout: 15_000 });

    await control(agent.mock.url, 'down', { down: true });
    const note = '客户确认下周二收货。';
    try {
      await panel.getByLabel('Follow-up note').fill(note);
      await panel.getByRole('button', { name: 'Send' }).click();
      await log.getByText(`Note: ${note} — Will retry: Cannot reach the CRM`).waitFor({ timeout: 15_000 });
    } finally {
      await control(agent.mock.url, 'down', { down: false });
    }
    const timeline = panel.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('button', { name: 'Retry' }).click();
    await log.getByText(`Note: ${note} — Saved in the CRM`).waitFor({ timeout: 15_000 });

    await panel.getByText('Details', { exact: true }).click();
    await panel.getByRole('button', { name: 'Assign to me' }).click();
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click();
    await panel.getByRole('alertdialog').waitFor({ state: 'detached' });
    await log.getByText('Assigned to 王斌.').waitFor({ timeout: 15_000 });

    // Each heard once: the list of changes and the ownership line show the same outcomes, silently.
    expect(await timesHeard('Labels +抖音 — Saved in the CRM')).toBe(1);
    expect(await timesHeard('Stage → 正常跟进 — Saved in the CRM')).toBe(1);
    expect(await timesHeard(`Note: ${note} — Will retry`)).toBe(1);
    expect(await timesHeard(`Note: ${note} — Saved in the CRM`)).toBe(1);
    expect(await timesHeard('Assigned to 王斌.')).toBe(1);
    expect(await timesHeard('Saved in the CRM')).toBe(3);
    await panel.close();
  });

  it('closes the stage confirmation, the ownership question and the agent picker on Escape, focus back on what opened them', async () => {
    const { id } = FIXTURE_CUSTOMERS.wangFang;
    const panel = await panelFor('我是王芳，电话139 0000 1111', '王芳');
    const stageBefore = (await stored(id)).stage;

    const won = panel.getByRole('group', { name: 'Result' }).getByRole('button', { name: 'Won' });
    await won.focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => focused(panel)).toBe('button: Confirm');
    await panel.keyboard.press('Escape');
    await panel.getByRole('alertdialog').waitFor({ state: 'detached' });
    await expect.poll(() => focused(panel)).toBe('button: Won');
    expect(await won.getAttribute('aria-pressed')).toBe('false');

    // The ownership actions are in the folded details.
    await panel.getByText('Details', { exact: true }).click();
    await panel.getByRole('button', { name: 'Assign to me' }).focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => focused(panel)).toBe('button: Confirm');
    await panel.keyboard.press('Escape');
    await panel.getByRole('alertdialog').waitFor({ state: 'detached' });
    await expect.poll(() => focused(panel)).toBe('button: Assign to me');

    await panel.getByRole('button', { name: 'Assign to…' }).focus();
    await panel.keyboard.press('Enter');
    const picker = panel.getByRole('combobox', { name: 'Choose an agent' });
    await expect.poll(() => picker.evaluate((select) => select === document.activeElement)).toBe(true);
    await panel.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });
    await expect.poll(() => focused(panel)).toBe('button: Assign to…');

    // Nothing was written by any of it.
    expect((await stored(id)).stage).toEqual(stageBefore);
    await panel.close();
  });

  it('focuses the new label’s name and, on Escape, the button that opened it, though that button was drawn anew', async () => {
    const panel = await panelFor('我的手机是138 1234 5678', '张伟');
    await panel.getByRole('button', { name: 'Change labels' }).click();
    const editor = panel.getByRole('region', { name: 'Label editor' });
    await editor.getByText('Reading the latest labels…').waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: 'New label in 兴趣' }).focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => focused(panel)).toBe('input: Name of the new label in 兴趣');
    await panel.keyboard.type('露营');
    await panel.keyboard.press('Escape');
    await editor.getByRole('textbox', { name: 'Name of the new label in 兴趣' }).waitFor({ state: 'detached' });
    await expect.poll(() => focused(panel)).toBe('button: New label in 兴趣');
    // Only the new label was dropped: the editor stays open.
    expect(await editor.isVisible()).toBe(true);
    await panel.close();
  });

  it('takes focus into the create form, leads it to the first problem after a failed save, and gives it back on Escape keeping the draft', async () => {
    await openConversation(agent.browser, agent.mock.url, ['新客户，电话 139 7777 0000']);
    const panel = await openPanel(agent.browser, 360);
    const create = panel.getByRole('button', { name: 'Create customer' });
    await create.focus();
    await panel.keyboard.press('Enter');
    const form = panel.getByRole('form', { name: 'Create customer' });
    await expect.poll(() => focused(panel)).toBe('input: Nickname');

    await form.getByRole('button', { name: 'Create customer' }).focus();
    await panel.keyboard.press('Enter');
    await form.getByText('Required.').first().waitFor();
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    const firstProblem = await form
      .locator('[aria-invalid="true"]')
      .first()
      .evaluate((field) => field === document.activeElement);
    expect(firstProblem).toBe(true);
    // Again, with the same problem: focus goes back to it.
    await form.getByRole('button', { name: 'Create customer' }).focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');

    await panel.keyboard.type('孙女士');
    await panel.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => focused(panel)).toBe('button: Create customer');
    await panel.keyboard.press('Enter');
    await expect.poll(() => form.getByLabel('Nickname').inputValue()).toBe('孙女士');
    await panel.close();
  });

  it('never cuts a focus ring off: tabbing through the card, contacts, copy buttons, editor and timeline', async () => {
    const panel = await panelFor('我的手机是138 1234 5678', '张伟');
    await panel.getByRole('button', { name: 'Change labels' }).click();
    await panel.getByRole('region', { name: 'Label editor' }).getByText('Reading the latest labels…').waitFor({ state: 'detached' });
    await panel.getByRole('region', { name: 'Timeline' }).scrollIntoViewIfNeeded();
    await panel.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first().waitFor();
    // Tabbing starts from the top, as after a click on the panel's title.
    await panel.getByRole('heading', { name: 'CRM Sidebar' }).click();

    const visited: string[] = [];
    const clipped: string[] = [];
    for (let step = 0; step < 150; step++) {
      await panel.keyboard.press('Tab');
      const report = await panel.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return undefined;
        const style = getComputedStyle(element);
        // Negative when the ring is drawn inside the element.
        const reach = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
        const box = element.getBoundingClientRect();
        const ring = { left: box.left - reach, top: box.top - reach, right: box.right + reach, bottom: box.bottom + reach };
        let cutBy: string | undefined;
        for (let box2 = element.parentElement; box2 && box2 !== document.body && !cutBy; box2 = box2.parentElement) {
          const { overflowX, overflowY } = getComputedStyle(box2);
          if (overflowX === 'visible' && overflowY === 'visible') continue;
          const outer = box2.getBoundingClientRect();
          const inner = {
            left: outer.left + box2.clientLeft,
            top: outer.top + box2.clientTop,
            right: outer.left + box2.clientLeft + box2.clientWidth,
            bottom: outer.top + box2.clientTop + box2.clientHeight,
          };
          const cut =
            (overflowX !== 'visible' && (ring.left < inner.left - 0.5 || ring.right > inner.right + 0.5)) ||
            (overflowY !== 'visible' && (ring.top < inner.top - 0.5 || ring.bottom > inner.bottom + 0.5));
          if (cut) cutBy = `${box2.tagName.toLowerCase()}${box2.className ? `.${box2.className}` : ''}`;
        }
        return {
          name: `${element.getAttribute('role') ?? element.tagName.toLowerCase()}: ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40)}`,
          cutBy,
        };
      });
      if (!report) break;
      if (visited.includes(report.name) && report.name === visited[0]) break;
      visited.push(report.name);
      if (report.cutBy) clipped.push(`${report.name} cut by ${report.cutBy}`);
    }
    // The places where rings used to be cut off were all reached.
    expect(visited.some((name) => name.includes('Phone') && name.startsWith('button'))).toBe(true);
    expect(visited.some((name) => name.startsWith('button: Copy'))).toBe(true);
    expect(visited).toContain('tab: All');
    expect(clipped).toEqual([]);
    await panel.close();
  });

  it('says the page is in the language its text is in', async () => {
    const panel = await openPanel(agent.browser, 360);
    expect(await panel.evaluate(() => document.documentElement.lang)).toBe('en');
    await panel.close();
    // A browser in Japanese gets the Chinese text (the default): the page must not claim to be Japanese.
    const japanese = await launchWithExtension({ lang: 'ja' });
    try {
      const zh = uiText('zh-CN');
      for (const page of ['sidepanel.html', 'options.html']) {
        const tab = await japanese.context.newPage();
        await tab.goto(`chrome-extension://${japanese.extensionId}/${page}`);
        await tab
          .getByText(zh(page === 'sidepanel.html' ? 'notConfigured' : 'testConnection'), { exact: true })
          .first()
          .waitFor();
        expect(await tab.evaluate(() => ({ lang: document.documentElement.lang, browser: navigator.language }))).toEqual({ lang: 'zh-CN', browser: 'ja' });
        await tab.close();
      }
    } finally {
      await japanese.close();
    }
  });
});
