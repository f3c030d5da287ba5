// The panel and the options page as a keyboard and screen-reader user meets them: in each main state, in
// English and Chinese, light and dark, axe-core finds nothing serious or critical, and at 200 % zoom in a
// 360 px panel nothing overflows sideways. States are reached as an agent reaches them, by role and
// visible text (the extension's own words, in the language under test), never by layout classes.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CUSTOMERS } from '../dev/mock-crm/sobot/fixtures';
import { startSobotMock, type SobotMock } from '../dev/mock-crm/sobot/server';
import { auditWithAxe, blocking, COLOUR_RULES, overflowAtDoubleZoom, type Impact } from './support/accessibility';
import { CHINESE, connectCrm, enableScanningOn, ENGLISH, openPanel } from './support/agent';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { openConversation } from './support/conversation';
import { control } from './support/mock-control';
import { uiText, type UiLanguage } from './support/ui-text';

mkdirSync('e2e/artifacts', { recursive: true });

const THEMES = ['light', 'dark'] as const;

interface Measured {
  state: string;
  theme: (typeof THEMES)[number];
  counts: Record<Impact, number>;
  rules: string[];
}

// Each story audits two to four states, three times each: longer than most stories.
describe.each(['en', 'zh-CN'] as const)('accessibility in %s', { timeout: 150_000 }, (lang: UiLanguage) => {
  const text = uiText(lang);
  const forms = lang === 'en' ? ENGLISH : CHINESE;
  let mock: SobotMock;
  let browser: ExtensionBrowser;
  const measured: Measured[] = [];
  const overflows: Record<string, number> = {};

  beforeAll(async () => {
    mock = await startSobotMock({ port: 0 });
    browser = await launchWithExtension({ lang });
  });
  afterAll(async () => {
    writeFileSync(`e2e/artifacts/axe-${lang}.json`, `${JSON.stringify({ measured, overflows }, null, 2)}\n`);
    await browser?.close();
    await mock?.close();
  });

  /**
   * Audits the page as it is: every rule in the light theme, the colour rules again in the dark one
   * (nothing else changes with the theme), and the layout at 200 % zoom. Returns what must not be there.
   */
  async function audit(page: Page, state: string) {
    const problems: string[] = [];
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      const result = await auditWithAxe(page, theme === 'dark' ? COLOUR_RULES : undefined);
      measured.push({
        state,
        theme,
        counts: result.counts,
        rules: result.findings.map((finding) => `${finding.rule} (${finding.impact}, ${finding.nodes.length})`),
      });
      for (const finding of blocking(result)) problems.push(`${theme}: ${finding.rule} (${finding.impact}) at ${finding.nodes.join(' | ')}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    const overflow = await overflowAtDoubleZoom(page, `e2e/artifacts/zoom-200-${lang}-${state.replaceAll(' ', '-')}.png`);
    overflows[state] = overflow;
    if (overflow > 0) problems.push(`overflows sideways by ${overflow} CSS px at 200 % zoom`);
    return problems;
  }

  let connecting: Promise<void> | undefined;
  /** Connects the CRM once, with "me" chosen, the way an admin does on the options page. */
  function connected(): Promise<void> {
    connecting ??= (async () => {
      const options = await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey }, forms);
      await options.getByLabel(text('myAgent')).selectOption({ label: '王斌' });
      await options.getByRole('button', { name: text('save'), exact: true }).click();
      await options.getByText(text('settingsSaved')).waitFor();
      await options.close();
    })();
    return connecting;
  }

  let enabling: Promise<string[]> | undefined;
  /**
   * Turns detection on for the mock's origin from the panel, once, as an agent does; the panel is
   * audited first, as it stands on a site where detection is off.
   */
  function scanningOn(): Promise<string[]> {
    enabling ??= (async () => {
      await connected();
      const chat = await openConversation(browser, mock.url, ['您好']);
      const panel = await openPanel(browser, 360);
      await panel.getByRole('button', { name: text('enableOnSite') }).waitFor();
      const problems = await audit(panel, 'detection off');
      await enableScanningOn(panel, forms);
      await panel.close();
      await chat.close();
      return problems;
    })();
    return enabling;
  }

  /** A conversation whose visitor wrote `line`, and the panel (360 px wide) beside it. */
  async function panelFor(line: string): Promise<Page> {
    await scanningOn();
    await openConversation(browser, mock.url, [line]);
    return openPanel(browser, 360);
  }

  const whenGone = (locator: Locator) => locator.waitFor({ state: 'detached' });

  it('has nothing serious before the CRM is connected: the panel asking for settings, the empty options page', async () => {
    const panel = await openPanel(browser, 360);
    await panel.getByText(text('notConfigured'), { exact: true }).waitFor();
    const problems = await audit(panel, 'not configured');
    await panel.close();

    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 360, height: 800 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('button', { name: text('testConnection') }).click();
    await options.getByText(text('appidEmpty')).waitFor();
    problems.push(...(await audit(options, 'options with problems')));
    await options.close();
    expect(problems).toEqual([]);
  });

  it('has nothing serious on the connected options page', async () => {
    await scanningOn();
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 360, height: 800 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('heading', { name: text('enabledSitesTitle') }).waitFor();
    await options.getByRole('button', { name: text('removeSite', new URL(mock.url).origin) }).waitFor();
    const problems = await audit(options, 'options connected');
    await options.close();
    expect(problems).toEqual([]);
  });

  it('has nothing serious on a site where detection is off', async () => {
    expect(await scanningOn()).toEqual([]);
  });

  it('has nothing serious on the customer card, the label editor, a new label with a problem and the stage confirmation', async () => {
    const panel = await panelFor('我的手机是138 1234 5678');
    const card = panel.getByRole('article');
    await card.getByRole('heading', { name: '张伟' }).waitFor();
    await card.getByText('意向确定').waitFor();
    const timeline = panel.getByRole('region', { name: text('timeline') });
    await timeline.scrollIntoViewIfNeeded();
    await timeline.getByRole('listitem').first().waitFor();
    await panel.evaluate(() => window.scrollTo(0, 0));
    const problems = await audit(panel, 'card');

    await panel.getByRole('button', { name: text('labelsEdit') }).click();
    const editor = panel.getByRole('region', { name: text('labelEditor') });
    await editor.waitFor();
    await whenGone(editor.getByText(text('labelsReading')));
    await editor.getByRole('button', { name: text('labelNewIn', '兴趣') }).click();
    await editor.getByRole('textbox', { name: text('labelNewName', '兴趣') }).fill('数码产品');
    await editor.getByRole('textbox', { name: text('labelNewName', '兴趣') }).press('Enter');
    await editor.getByText(text('labelNameTaken', '兴趣', '数码产品')).waitFor();
    problems.push(...(await audit(panel, 'label editor')));
    // The editor closes with the toggle that opened it, in the card.
    await panel.getByRole('button', { name: text('labelsEdit') }).click();

    const stepper = panel.getByRole('region', { name: text('stageStepper') });
    await stepper
      .getByRole('group', { name: text('stageResults') })
      .getByRole('button', { name: text('resultWon') })
      .click();
    await stepper.getByRole('alertdialog').waitFor();
    problems.push(...(await audit(panel, 'stage confirmation')));
    await stepper
      .getByRole('alertdialog')
      .getByRole('button', { name: text('cancel') })
      .click();
    await panel.close();
    expect(problems).toEqual([]);
  });

  it('has nothing serious while writes wait on a CRM outage, nor once they are saved', async () => {
    const panel = await panelFor('我是王芳，电话139 0000 1111');
    await panel.getByRole('article').getByRole('heading', { name: '王芳' }).waitFor();
    await control(mock.url, 'down', { down: true });
    try {
      await panel.getByRole('button', { name: text('labelsEdit') }).click();
      const editor = panel.getByRole('region', { name: text('labelEditor') });
      await whenGone(editor.getByText(text('labelsReading')));
      await editor.getByRole('button', { name: '抖音', exact: true }).click();
      await panel.getByLabel(text('noteLabel')).fill('客户要求月底前到货，已转仓库确认库存。');
      await panel.getByRole('button', { name: text('noteSend'), exact: true }).click();
      // The top bar's one status of the writes opens their list.
      const status = panel.getByRole('button', { name: new RegExp(text('crmUnreachable')) });
      await status.waitFor({ timeout: 15_000 });
      await status.click();
      const changes = panel.getByRole('region', { name: text('writesTitle') });
      await changes
        .getByText(
          new RegExp(
            text('writeRetrying', '')
              .trim()
              .replace(/[:：]$/, ''),
          ),
        )
        .first()
        .waitFor({ timeout: 15_000 });
      await panel.getByLabel(text('noteLabel')).fill('约了周四下午电话沟通。');
      const problems = await audit(panel, 'writes waiting');
      await control(mock.url, 'down', { down: false });
      await changes
        .getByRole('button', { name: text('retry') })
        .first()
        .click();
      await changes.getByText(text('writeSent')).first().waitFor({ timeout: 15_000 });
      problems.push(...(await audit(panel, 'writes saved')));
      expect(problems).toEqual([]);
    } finally {
      await control(mock.url, 'down', { down: false });
      await panel.close();
    }
  });

  it('has nothing serious while ownership is being changed', async () => {
    const panel = await panelFor('邮箱 liuyang@huayu-trade.com');
    await panel.getByRole('article').getByRole('heading', { name: '刘经理' }).waitFor();
    await panel.getByText(text('customerDetails'), { exact: true }).click();
    await panel.getByRole('button', { name: text('assignToMe') }).click();
    const question = panel.getByRole('alertdialog');
    await question.waitFor();
    const problems = await audit(panel, 'ownership confirmation');
    await question.getByRole('button', { name: text('cancel') }).click();
    await panel.getByRole('button', { name: text('assignTo') }).click();
    await panel.getByRole('combobox', { name: text('chooseAgent') }).waitFor();
    problems.push(...(await audit(panel, 'agent picker')));
    await panel.close();
    expect(problems).toEqual([]);
  });

  it('has nothing serious when several customers share the contact', async () => {
    const panel = await panelFor('我们家的电话是 137-0000-0000');
    await panel.getByText(text('severalMatches', '2')).waitFor();
    const problems = await audit(panel, 'several matches');
    await panel.close();
    expect(problems).toEqual([]);
  });

  it('has nothing serious when nobody has the contact, nor in the create form after a failed save', async () => {
    const panel = await panelFor('新客户，电话 139 8888 0000，想了解一下价格');
    await panel.getByText(text('notFound', '139 8888 0000')).waitFor();
    const problems = await audit(panel, 'not found');
    await panel.getByRole('button', { name: text('createCustomer') }).click();
    const form = panel.getByRole('form', { name: text('createCustomer') });
    await form.getByRole('button', { name: text('createCustomer') }).click();
    await form.getByText(text('problemRequired')).first().waitFor();
    problems.push(...(await audit(panel, 'create form with problems')));
    await panel.close();
    expect(problems).toEqual([]);
  });

  it('has nothing serious in search results', async () => {
    await scanningOn();
    const panel = await openPanel(browser, 360);
    await panel.getByRole('heading', { name: text('extName') }).waitFor();
    await panel.keyboard.press('/');
    await panel.getByLabel(text('searchField')).selectOption({ label: text('searchByNick') });
    await panel.getByRole('searchbox', { name: text('searchCustomers') }).fill('李');
    await panel.getByRole('searchbox', { name: text('searchCustomers') }).press('Enter');
    await panel
      .getByRole('listbox', { name: text('searchResults') })
      .getByRole('option')
      .first()
      .waitFor();
    const problems = await audit(panel, 'search results');
    await panel.close();
    expect(problems).toEqual([]);
  });

  it('has nothing serious when a lookup fails', async () => {
    await scanningOn();
    await control(mock.url, 'down', { down: true });
    try {
      const panel = await panelFor('邮箱 zhao.min@example.org');
      await panel.getByText(text('lookupFailed', 'zhao.min@example.org')).waitFor({ timeout: 15_000 });
      const problems = await audit(panel, 'lookup failed');
      await panel.close();
      expect(problems).toEqual([]);
    } finally {
      await control(mock.url, 'down', { down: false });
    }
  });

  it('has nothing serious when the customer on screen was merged away, with the draft kept and the write failed', async () => {
    const { liNa, zhaoMin } = FIXTURE_CUSTOMERS;
    const panel = await panelFor('我是李娜，电话 139 1234 5678');
    await panel.getByRole('article').getByRole('heading', { name: '李娜' }).waitFor();
    const stepper = panel.getByRole('region', { name: text('stageStepper') });
    await stepper.locator('[aria-current="step"]').waitFor();
    await panel.getByLabel(text('noteLabel')).fill('还想问一下发票抬头');
    // A colleague merges 李娜 into 赵敏; the agent's next write is refused for a customer the CRM no longer has.
    await control(mock.url, 'merge', { userid: zhaoMin.id, merged_userid: liNa.id });
    await stepper.getByRole('button', { name: /正常跟进/ }).click();
    await panel.getByText(text('customerGone', '李娜')).waitFor({ timeout: 15_000 });
    await panel.getByText('还想问一下发票抬头').waitFor();
    // Nothing is offered to take back for a customer who is gone.
    expect(await panel.getByRole('button', { name: text('undo') }).count()).toBe(0);
    const problems = await audit(panel, 'customer gone');
    await panel.close();
    expect(problems).toEqual([]);
  });
});
