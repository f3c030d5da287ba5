// CRM requests a lookup costs, against the floor of one request: (1) per lookup of a contact never seen
// before, once reference data is cached (from the mock's request log, every API call until the card has
// settled): the customer search plus the timeline, the only place Sobot keeps the follow-up stage; (2)
// per lookup of the same contacts written again later in the chat, every cache warm: the revalidating
// search alone, the stage being remembered for the customer's unchanged update time; and (3) get_token
// calls over a whole run — connection test included — in which 100 lookups are spread over 10
// conversation tabs, each followed by its own panel (floor: the connection test's one token).
import type { Page } from 'playwright-core';
import { openPanel } from '../e2e/support/agent';
import {
  calmMoment,
  cardSettled,
  median,
  cardShown,
  clearRequestLog,
  isMain,
  openChat,
  panelChanged,
  prepareChat,
  requestCounts,
  round,
  startBenchSession,
  visitorWritesAt,
  watchCards,
  type BenchCustomer,
  type BenchSession,
} from './support';

const WARMUP_LOOKUPS = 3;
const MEASURED_LOOKUPS = 20;
const TABS = 10;
const MESSAGES_PER_TAB = 10;

/** The flood: numbers a page writes, one every FLOOD_EVERY_MS (200 in 8 s). */
const FLOOD_NUMBERS = 200;
const FLOOD_EVERY_MS = 40;
export const FLOOD_SEARCH_TARGET = 30;

export interface FloodFigures {
  /** CRM searches caused by a page writing 200 new visible numbers in 8 s with the panel open. */
  floodSearchesVisible: number;
  /** The same with the numbers in a hidden element. */
  floodSearchesHidden: number;
  /** The agent's manual search during the flood, against the same search on a calm page. */
  manualSearchRatioDuringFlood: number;
  manualSearchMs: number;
}

export interface RequestFigures {
  /** A contact never seen before, reference data cached. */
  requestsPerFirstLookup: number;
  /** The same contacts again, every cache warm. */
  requestsPerWarmLookup: number;
  /** Those lookups' requests by endpoint, per lookup. */
  firstLookupByEndpoint: Record<string, number>;
  warmLookupByEndpoint: Record<string, number>;
  tokenCallsPer100Lookups: number;
  lookupsInRun: number;
}

async function lookUpAndSettle(session: BenchSession, chat: Page, panel: Page, customer: BenchCustomer): Promise<void> {
  await calmMoment();
  const detectedAt = await visitorWritesAt(chat, customer.line);
  await cardShown(panel, customer.id, detectedAt);
  await cardSettled(panel, customer.id, session.stageLoadingText);
}

type LookupFigures = Pick<RequestFigures, 'requestsPerFirstLookup' | 'requestsPerWarmLookup' | 'firstLookupByEndpoint' | 'warmLookupByEndpoint'>;

/** Requests per lookup from the mock's log since it was last cleared, in total and by endpoint; clears it. */
async function perLookup(session: BenchSession, lookups: number): Promise<{ total: number; byEndpoint: Record<string, number> }> {
  const counts = await requestCounts(session.mock.url);
  await clearRequestLog(session.mock);
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return {
    total: round(total / lookups),
    byEndpoint: Object.fromEntries(Object.entries(counts).map(([endpoint, count]) => [endpoint, round(count / lookups)])),
  };
}

/**
 * Warms the reference data, then N new contacts whose first spelling matches (so one search is all a
 * lookup needs), then the same N contacts written again in the same order, each after the others.
 */
async function requestsPerLookup(session: BenchSession): Promise<LookupFigures> {
  const chat = await openChat(session.browser, session.mock.url);
  const panel = await openPanel(session.browser);
  await watchCards(panel);
  await chat.bringToFront();
  for (const customer of session.customers.take(WARMUP_LOOKUPS)) await lookUpAndSettle(session, chat, panel, customer);
  await clearRequestLog(session.mock);
  const measured = session.customers.take(MEASURED_LOOKUPS, (candidate) => candidate.searches === 1);
  for (const customer of measured) await lookUpAndSettle(session, chat, panel, customer);
  const first = await perLookup(session, MEASURED_LOOKUPS);
  // The same visitors again in another conversation: each tab's automatic look-ups are budgeted.
  const again = await openChat(session.browser, session.mock.url);
  await again.bringToFront();
  await clearRequestLog(session.mock);
  for (const customer of measured) await lookUpAndSettle(session, again, panel, customer);
  const warm = await perLookup(session, MEASURED_LOOKUPS);
  await panel.close();
  await chat.close();
  await again.close();
  return {
    requestsPerFirstLookup: first.total,
    requestsPerWarmLookup: warm.total,
    firstLookupByEndpoint: first.byEndpoint,
    warmLookupByEndpoint: warm.byEndpoint,
  };
}

/**
 * Ten conversations, each with a panel following it. Each conversation is navigated while its own (still
 * blank) panel tab is in front, so panels opened earlier never see it become active and keep following
 * their own tab; each new panel follows the conversation used last. Then every conversation receives ten
 * messages, one round at a time, all ten panels looking up at once.
 */
async function lookupsOverTabs(session: BenchSession): Promise<number> {
  const pairs: { chat: Page; panel: Page; customers: BenchCustomer[] }[] = [];
  for (let tab = 0; tab < TABS; tab += 1) {
    const chat = await prepareChat(session.browser, session.mock.url);
    const panel = await session.browser.context.newPage();
    await panel.setViewportSize({ width: 400, height: 760 });
    await chat.load();
    await panel.goto(`chrome-extension://${session.browser.extensionId}/sidepanel.html`);
    await watchCards(panel);
    pairs.push({ chat: chat.page, panel, customers: session.customers.take(MESSAGES_PER_TAB) });
  }
  for (let message = 0; message < MESSAGES_PER_TAB; message += 1) {
    // The visitors write one after another, each once the previous tab's panel has started its lookup
    // (its contact is stored); the lookups themselves then run side by side in the ten panels. Reports
    // landing at the same instant would be lost: the background's contacts.detected rewrites the whole
    // session:tabContacts record from a read made before the other tab's write.
    const shown: Promise<unknown>[] = [];
    for (const { chat, panel, customers } of pairs) {
      const customer = customers[message]!;
      const detectedAt = await visitorWritesAt(chat, customer.line);
      await panelChanged(panel, detectedAt);
      shown.push(cardShown(panel, customer.id, detectedAt).then(() => cardSettled(panel, customer.id, session.stageLoadingText)));
    }
    await Promise.all(shown);
  }
  for (const { chat, panel } of pairs) {
    await panel.close();
    await chat.close();
  }
  return TABS * MESSAGES_PER_TAB;
}

/** The agent searches by nickname in the panel; answers how long until the results are listed. */
async function manualSearchMs(panel: Page, query: string): Promise<number> {
  await panel.getByLabel('Search by').selectOption({ label: 'Nickname' });
  const box = panel.getByRole('searchbox', { name: 'Search customers' });
  await box.fill(query);
  const started = performance.now();
  await box.press('Enter');
  await panel.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor({ timeout: 30_000 });
  const took = performance.now() - started;
  await box.press('Escape');
  await box.fill('');
  return took;
}

/** The page writes FLOOD_NUMBERS new numbers, visible or in a hidden element, one every FLOOD_EVERY_MS. */
function pageFloods(chat: Page, visible: boolean): Promise<void> {
  return chat.evaluate(
    async ({ shown, count, every }) => {
      const box = document.createElement('div');
      if (!shown) box.style.display = 'none';
      document.getElementById('chat')!.append(box);
      for (let n = 0; n < count; n += 1) {
        box.textContent = `来电 186${String(n).padStart(8, '0')}`;
        await new Promise((resolve) => setTimeout(resolve, every));
      }
    },
    { shown: visible, count: FLOOD_NUMBERS, every: FLOOD_EVERY_MS },
  );
}

/** CRM searches a flooding page causes, hidden then visible, and whether the agent's own search still answers. */
async function flood(session: BenchSession): Promise<FloodFigures> {
  const chat = await openChat(session.browser, session.mock.url);
  const panel = await openPanel(session.browser);
  await chat.bringToFront();
  const searches = async () => (await requestCounts(session.mock.url))['user/list_by_page'] ?? 0;
  const calm = median([await manualSearchMs(panel, '张伟'), await manualSearchMs(panel, '张伟'), await manualSearchMs(panel, '张伟')]);
  await chat.bringToFront();
  await calmMoment();

  let before = await searches();
  await pageFloods(chat, false);
  await calmMoment();
  const hidden = (await searches()) - before;

  before = await searches();
  const flooding = pageFloods(chat, true);
  await new Promise((resolve) => setTimeout(resolve, (FLOOD_NUMBERS * FLOOD_EVERY_MS) / 2));
  const during = await manualSearchMs(panel, '张伟');
  await chat.bringToFront();
  await flooding;
  await calmMoment();
  await calmMoment();
  // The agent's own search is not the page's doing.
  const visible = (await searches()) - before - 1;
  await panel.close();
  await chat.close();
  return { floodSearchesVisible: visible, floodSearchesHidden: hidden, manualSearchRatioDuringFlood: round(during / calm), manualSearchMs: round(during) };
}

export async function benchFlood(): Promise<FloodFigures> {
  const session = await startBenchSession();
  try {
    return await flood(session);
  } finally {
    await session.close();
  }
}

export async function benchRequests(): Promise<RequestFigures> {
  const session = await startBenchSession();
  try {
    // The connection test's (and any warm-up's) tokens, before the log is cleared for the per-lookup count.
    const tokensBefore = (await requestCounts(session.mock.url)).get_token ?? 0;
    const lookups = await requestsPerLookup(session);
    const tabLookups = await lookupsOverTabs(session);
    const tokensAfter = (await requestCounts(session.mock.url)).get_token ?? 0;
    return {
      ...lookups,
      tokenCallsPer100Lookups: tokensBefore + tokensAfter,
      lookupsInRun: WARMUP_LOOKUPS + 2 * MEASURED_LOOKUPS + tabLookups,
    };
  } finally {
    await session.close();
  }
}

if (isMain(import.meta.url)) {
  console.log(await benchFlood());
  const figures = await benchRequests();
  console.log(`requestsPerFirstLookup: ${figures.requestsPerFirstLookup} (a new contact: search + timeline), by endpoint:`, figures.firstLookupByEndpoint);
  console.log(`requestsPerWarmLookup: ${figures.requestsPerWarmLookup} (floor 1; the same contacts again), by endpoint:`, figures.warmLookupByEndpoint);
  console.log(`tokenCallsPer100Lookups: ${figures.tokenCallsPer100Lookups} (floor 1; whole run of ${figures.lookupsInRun} lookups incl. the connection test)`);
}
