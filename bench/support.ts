// Shared harness for the browser benchmarks: a mock CRM plus real Chromium with the demo build, the
// customers a visitor can name (found through the mock's API), chat tabs, and timestamps taken inside
// the pages (epoch-aligned via performance.timeOrigin). Only bench/*.bench.ts import it. Nothing here
// asserts; waits are bounded only so that a broken build fails the run instead of hanging it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { startSobotMock, type SobotMock } from '../dev/mock-crm/sobot/server';
import { FIXTURE_CUSTOMERS } from '../dev/mock-crm/sobot/fixtures';
import { connectCrm, enableScanningOn, openPanel } from '../e2e/support/agent';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../e2e/support/browser';
import { chatHtml } from '../e2e/support/conversation';
import { control, requestCounts } from '../e2e/support/mock-control';
import { detectContacts } from '../lib/contacts/detect';
import { searchFormsOf } from '../lib/crm/lookup';
import { sobotSign } from '../lib/crm/sobot/sign';

/** Upper bound for any single wait: far above any real figure, only there so a failure ends the run. */
const WAIT_LIMIT_MS = 30_000;

export const median = (values: number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** A customer a visitor can name in a chat line, and what looking them up should cost. */
export interface BenchCustomer {
  id: string;
  name: string;
  fixture: boolean;
  /** What the visitor writes. */
  line: string;
  /** user/list_by_page requests the lookup needs: spellings tried until the first match. */
  searches: number;
}

interface WireCustomer {
  id?: string;
  nick?: string;
  uname?: string;
  tel?: string;
  email?: string;
}

const API = '/api/scrm/5';

/** Every customer in the mock, read through its API (before the extension connects: get_token replaces the live token). */
async function listCustomersThroughApi(mock: SobotMock): Promise<WireCustomer[]> {
  const createTime = String(Math.floor(Date.now() / 1000));
  const tokenUrl = `${mock.url}/api/get_token?appid=${mock.appid}&create_time=${createTime}&sign=${sobotSign(mock.appid, createTime, mock.appKey)}`;
  const tokenReply = (await (await fetch(tokenUrl)).json()) as { item?: { token?: string } };
  const token = tokenReply.item?.token;
  if (!token) throw new Error('the mock CRM issued no token');
  const customers: WireCustomer[] = [];
  for (let page = 1; page <= 50; page += 1) {
    const reply = (await (await fetch(`${mock.url}${API}/user/list_by_page?page_no=${page}&page_size=100`, { headers: { token } })).json()) as {
      items?: WireCustomer[];
      page_count?: number;
    };
    customers.push(...(reply.items ?? []));
    if (!reply.page_count || page >= reply.page_count) break;
  }
  return customers;
}

/** The mock's search: a substring of the stored text, case-insensitive (dev/mock-crm/sobot/customer-search.ts). */
const matches = (stored: string | undefined, value: string) =>
  String(stored ?? '')
    .toLowerCase()
    .includes(value.trim().toLowerCase());

/**
 * Customers whose lookup ends on exactly their own card: the visitor's line yields one contact, and the
 * first spelling that matches anyone matches only them. Fixtures first, then the seeded crowd.
 */
function nameableCustomers(all: WireCustomer[]): BenchCustomer[] {
  const fixtureIds = new Set(Object.values(FIXTURE_CUSTOMERS).map((fixture) => fixture.id));
  const result: BenchCustomer[] = [];
  for (const customer of all) {
    if (!customer.id) continue;
    const name = customer.nick || customer.uname;
    if (!name) continue;
    const mobile = /1[3-9]\d{9}/.exec((customer.tel ?? '').replace(/[\s-]/g, ''))?.[0];
    const line = mobile
      ? `我的手机是 ${mobile}`
      : customer.tel && /^0\d{2,3}-\d{7,8}$/.test(customer.tel)
        ? `座机 ${customer.tel}`
        : customer.email
          ? `我的邮箱是 ${customer.email}`
          : undefined;
    if (!line) continue;
    const detected = detectContacts(line);
    if (detected.length !== 1) continue;
    const contact = detected[0]!;
    const field = contact.kind === 'email' ? 'email' : 'tel';
    let searches = 0;
    let found: WireCustomer[] = [];
    for (const form of searchFormsOf({ kind: contact.kind, value: contact.value })) {
      searches += 1;
      found = all.filter((other) => matches(other[field], form.value));
      if (found.length > 0) break;
    }
    if (found.length !== 1 || found[0]!.id !== customer.id) continue;
    result.push({ id: customer.id, name, fixture: fixtureIds.has(customer.id), line, searches });
  }
  return [...result.filter((customer) => customer.fixture), ...result.filter((customer) => !customer.fixture)];
}

/** Hands out customers nobody in this run has looked up yet, so no lookup is served from the panel's cache. */
class CustomerSupply {
  private remaining: BenchCustomer[];
  constructor(customers: BenchCustomer[]) {
    this.remaining = [...customers];
  }
  take(count: number, filter: (customer: BenchCustomer) => boolean = () => true): BenchCustomer[] {
    const taken = this.remaining.filter(filter).slice(0, count);
    if (taken.length < count) throw new Error(`the mock has only ${taken.length} more suitable customers, ${count} needed`);
    this.remaining = this.remaining.filter((customer) => !taken.includes(customer));
    return taken;
  }
}

export interface BenchSession {
  mock: SobotMock;
  browser: ExtensionBrowser;
  customers: CustomerSupply;
  /** The "Loading…" text of the stage line in the English UI. */
  stageLoadingText: string;
  close(): Promise<void>;
}

/**
 * Mock CRM + Chromium with the demo build, connected (options page: save and test) and scanning enabled
 * on the mock's origin. The request log then holds only what the extension itself asked for.
 */
export async function startBenchSession(): Promise<BenchSession> {
  const mock = await startSobotMock({ port: 0 });
  let browser: ExtensionBrowser | undefined;
  try {
    const customers = new CustomerSupply(nameableCustomers(await listCustomersThroughApi(mock)));
    await clearRequestLog(mock);
    browser = await launchWithExtension({ lang: 'en' });
    const options = await connectCrm(browser, { baseUrl: mock.url, appid: mock.appid, appKey: mock.appKey });
    await options.close();
    const chat = await openChat(browser, mock.url);
    const panel = await openPanel(browser);
    await enableScanningOn(panel);
    await panel.close();
    await chat.close();
    const messages = JSON.parse(readFileSync(`${EXTENSION_DIR}/_locales/en/messages.json`, 'utf8')) as Record<string, { message: string }>;
    const opened = browser;
    return {
      mock,
      browser: opened,
      customers,
      stageLoadingText: messages.stageLoading?.message ?? 'Loading…',
      async close() {
        await opened.close();
        await mock.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await mock.close();
    throw error;
  }
}

let chatCounter = 0;

/** A conversation on the mock's (enabled) origin, in a new tab that is not navigated yet. */
export async function prepareChat(browser: ExtensionBrowser, mockUrl: string): Promise<{ page: Page; load(): Promise<void> }> {
  const page = await browser.context.newPage();
  const url = `${mockUrl}/bench/conversation-${++chatCounter}.html`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: chatHtml(['您好，在吗？']) }));
  return {
    page,
    async load() {
      await page.goto(url);
    },
  };
}

/** Opens a conversation on the mock's (enabled) origin in front. */
export async function openChat(browser: ExtensionBrowser, mockUrl: string): Promise<Page> {
  const chat = await prepareChat(browser, mockUrl);
  await chat.load();
  return chat.page;
}

/**
 * A visitor's number in a calm conversation: the background looks a new contact up at once only when it
 * came a moment after the one before (entrypoints/background/tab-lookups.ts, SETTLE_MS); one of a burst
 * waits until it stayed the newest that long. Lookups measured one after another keep this distance.
 */
const CALM_BETWEEN_CONTACTS_MS = 1_050;

export const calmMoment = () => new Promise((resolve) => setTimeout(resolve, CALM_BETWEEN_CONTACTS_MS));

/** The visitor writes one more line; returns the epoch time (ms, sub-ms precision) of the DOM append. */
export async function visitorWritesAt(chat: Page, line: string): Promise<number> {
  return chat.evaluate((text) => {
    const message = document.createElement('div');
    message.className = 'message visitor';
    message.append(Object.assign(document.createElement('p'), { textContent: text }));
    const at = performance.timeOrigin + performance.now();
    document.getElementById('chat')!.append(message);
    return at;
  }, line);
}

interface CardSeen {
  id: string | null;
  busy: boolean;
  at: number;
  sincePageStart: number;
}

interface BenchProbe {
  cards: CardSeen[];
  /** Resolves with the first truthy value of `test`, re-checked on every DOM change. */
  until<T>(test: () => T | undefined | false | null): Promise<T>;
}

type ProbeWindow = typeof window & { __bench: BenchProbe };

/**
 * Runs in a panel page: logs every change of the card on screen (customer id from the heading's id,
 * whether it is revalidating) with the time the DOM changed, from a MutationObserver, and answers waits
 * from the same observer (no polling: Chromium throttles timers and frames in background tabs). Plain
 * source text: tsx's transform would add helpers to a function that the page does not have.
 */
const PANEL_PROBE = `(() => {
  if (window.__bench) return;
  const cards = [];
  const waiters = new Set();
  let last = '';
  const check = () => {
    const heading = document.querySelector('article.card h2[id^="customer-"]');
    const article = heading ? heading.closest('article') : null;
    const id = heading ? heading.id.slice('customer-'.length) : null;
    const busy = article ? article.getAttribute('aria-busy') === 'true' : false;
    const key = id + '|' + busy;
    if (key !== last) {
      last = key;
      const now = performance.now();
      cards.push({ id, busy, at: performance.timeOrigin + now, sincePageStart: now });
    }
    for (const waiter of [...waiters]) {
      const value = waiter.test();
      if (value) {
        waiters.delete(waiter);
        waiter.resolve(value);
      }
    }
  };
  window.__bench = {
    cards,
    until: (test) => new Promise((resolve) => {
      const value = test();
      if (value) resolve(value);
      else waiters.add({ test, resolve });
    }),
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-busy', 'id'] });
  check();
})()`;

/** Rejects after WAIT_LIMIT_MS: only so that a broken build ends the run with a message instead of hanging. */
export async function bounded<T>(what: string, waiting: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up waiting for ${what} after ${WAIT_LIMIT_MS / 1000} s`)), WAIT_LIMIT_MS);
  });
  try {
    return await Promise.race([waiting, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Starts logging cards in an open panel. */
export async function watchCards(panel: Page): Promise<void> {
  await panel.evaluate(PANEL_PROBE);
}

/** Opens an extension page that logs cards from its very first DOM change (init script before navigation). */
export async function openWatchedPage(browser: ExtensionBrowser, path: string, width = 400): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 760 });
  await page.addInitScript(PANEL_PROBE);
  await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
  return page;
}

/** When the given customer's card first appeared at or after `since` (epoch ms). */
export async function cardShown(panel: Page, customerId: string, since = 0): Promise<CardSeen> {
  return bounded(
    `the card of customer ${customerId}`,
    panel.evaluate(
      ([id, after]) => {
        const probe = (window as ProbeWindow).__bench;
        return probe.until(() => probe.cards.find((entry) => entry.id === id && entry.at >= after));
      },
      [customerId, since] as const,
    ),
  );
}

/** Waits until the panel's card changed (a lookup started or ended) at or after `since` (epoch ms). */
export async function panelChanged(panel: Page, since: number): Promise<void> {
  await bounded(
    'the panel to start a lookup',
    panel.evaluate((after) => {
      const probe = (window as ProbeWindow).__bench;
      return probe.until(() => probe.cards.some((entry) => entry.at >= after));
    }, since),
  );
}

/** Waits until the card is no longer revalidating and its stage line has loaded: no request of this lookup is left. */
export async function cardSettled(panel: Page, customerId: string, stageLoadingText: string): Promise<void> {
  await bounded(
    `customer ${customerId}'s card to settle`,
    panel.evaluate(
      ([id, loading]) => {
        const probe = (window as ProbeWindow).__bench;
        return probe.until(() => {
          const article = document.getElementById(`customer-${id}`)?.closest('article');
          return Boolean(article && article.getAttribute('aria-busy') === 'false' && !article.textContent?.includes(loading));
        });
      },
      [customerId, stageLoadingText] as const,
    ),
  );
}

/** A CRM request as Chromium's Resource Timing saw it in the service worker (epoch ms). */
export interface CrmTiming {
  endpoint: string;
  start: number;
  end: number;
}

export async function clearCrmTimings(browser: ExtensionBrowser): Promise<void> {
  const worker = await browser.serviceWorker();
  await worker.evaluate(() => performance.clearResourceTimings());
}

export async function crmTimings(browser: ExtensionBrowser): Promise<CrmTiming[]> {
  const worker = await browser.serviceWorker();
  const entries = await worker.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
      name: entry.name,
      start: performance.timeOrigin + entry.startTime,
      end: performance.timeOrigin + entry.responseEnd,
    })),
  );
  return entries
    .filter((entry) => new URL(entry.name).pathname.startsWith(`${API}/`))
    .map((entry) => ({ endpoint: new URL(entry.name).pathname.slice(API.length + 1), start: entry.start, end: entry.end }));
}

export async function setLatency(mock: SobotMock, ms: number): Promise<void> {
  await control(mock.url, 'latency', { ms });
}

export async function clearRequestLog(mock: SobotMock): Promise<void> {
  const response = await fetch(`${mock.url}/__control/requests`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`the mock refused to clear its request log: HTTP ${response.status}`);
}

export { requestCounts };

/** True when the module is the script node was started with (`npx tsx bench/<name>.ts`). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return Boolean(entry) && moduleUrl === pathToFileURL(resolve(entry!)).href;
}
