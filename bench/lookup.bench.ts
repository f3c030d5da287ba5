// Lookup overhead in real Chromium: visitor's message in the chat page's DOM → customer's card in the
// panel's DOM, divided by the CRM time of that lookup's own searches (Chromium's Resource Timing of
// those requests in the service worker); at 0 and 100 ms mock latency, new customers each time, then
// again at 100 ms with the lookup cache full (100 answers, as after an agent's busy morning).
import type { Page } from 'playwright-core';
import { openPanel } from '../e2e/support/agent';
import {
  calmMoment,
  cardSettled,
  cardShown,
  clearCrmTimings,
  crmTimings,
  isMain,
  median,
  openChat,
  round,
  setLatency,
  startBenchSession,
  visitorWritesAt,
  watchCards,
  type BenchSession,
} from './support';

const LATENCIES_MS = [0, 100] as const;
const WARMUP_LOOKUPS = 2;
const MEASURED_LOOKUPS = 12;

export interface LookupFigures {
  latencyMs: number;
  /** Answers in the lookup cache (session:lookupCache, at most 100) when the pass started. */
  cachedLookups: number;
  lookups: number;
  /** Median over lookups of (detected → card) / (CRM time of the lookup's searches). */
  overheadRatio: number;
  endToEndMs: number;
  crmMs: number;
  /** Detected → the first search leaves the service worker. */
  beforeRequestMs: number;
  /** The last search's answer is in → the card is in the panel's DOM. */
  afterResponseMs: number;
  /** Where "before" goes: detected → the tab's contacts are written to storage.session (seen by the panel). */
  contactsStoredMs: number;
  /** Where "after" goes: the answer is in → the lookup cache write lands (the reply waits for it). */
  cacheWrittenMs: number;
  searchesPerLookup: number;
}

/** Logs storage.session changes in the panel page, to see when the background wrote what. */
const RECORD_SESSION_WRITES = `(() => {
  window.__benchWrites = [];
  chrome.storage.session.onChanged.addListener((changes) => {
    window.__benchWrites.push({ keys: Object.keys(changes), at: performance.timeOrigin + performance.now() });
  });
})()`;

async function firstWrite(panel: Page, key: string, after: number): Promise<number> {
  const writes = (await panel.evaluate('window.__benchWrites')) as { keys: string[]; at: number }[];
  return writes.find((write) => write.keys.includes(key) && write.at >= after)?.at ?? Number.NaN;
}

/** Number of answers in the lookup cache, as the panel page (an extension page) can read it. */
const CACHED_LOOKUPS = `chrome.storage.session.get('lookupCache').then(({ lookupCache }) => Object.keys(lookupCache ?? {}).length)`;

/** Tops the lookup cache up to its 100 entries with copies of the answers in it, under keys no lookup uses. */
const FILL_LOOKUP_CACHE = `chrome.storage.session.get('lookupCache').then(({ lookupCache }) => {
  const entries = Object.entries(lookupCache ?? {});
  const filled = { ...lookupCache };
  for (let index = 0; entries.length > 0 && Object.keys(filled).length < 100; index += 1) {
    const [key, entry] = entries[index % entries.length];
    filled[key + '#bench-' + index] = { ...entry, at: entry.at - 1 - index };
  }
  return chrome.storage.session.set({ lookupCache: filled });
})`;

async function measureAtLatency(session: BenchSession, chat: Page, panel: Page, latencyMs: number): Promise<LookupFigures> {
  await setLatency(session.mock, latencyMs);
  const cachedLookups = (await panel.evaluate(CACHED_LOOKUPS)) as number;
  const customers = session.customers.take(WARMUP_LOOKUPS + MEASURED_LOOKUPS);
  const samples: Omit<LookupFigures, 'latencyMs' | 'cachedLookups' | 'lookups' | 'overheadRatio'>[] = [];
  const ratios: number[] = [];
  for (const [index, customer] of customers.entries()) {
    await calmMoment();
    await clearCrmTimings(session.browser);
    await panel.evaluate('window.__benchWrites = []');
    const detectedAt = await visitorWritesAt(chat, customer.line);
    const card = await cardShown(panel, customer.id, detectedAt);
    // The stage request follows the card; let it finish so it never overlaps the next lookup.
    await cardSettled(panel, customer.id, session.stageLoadingText);
    if (index < WARMUP_LOOKUPS) continue;
    const searches = (await crmTimings(session.browser)).filter(
      (timing) => timing.endpoint === 'user/list_by_page' && timing.start >= detectedAt && timing.end <= card.at,
    );
    if (searches.length === 0) throw new Error(`no CRM search was timed for ${customer.name}'s lookup`);
    const firstStart = Math.min(...searches.map((timing) => timing.start));
    const lastEnd = Math.max(...searches.map((timing) => timing.end));
    const crmMs = searches.reduce((sum, timing) => sum + (timing.end - timing.start), 0);
    const endToEndMs = card.at - detectedAt;
    ratios.push(endToEndMs / crmMs);
    samples.push({
      endToEndMs,
      crmMs,
      beforeRequestMs: firstStart - detectedAt,
      afterResponseMs: card.at - lastEnd,
      contactsStoredMs: (await firstWrite(panel, 'tabContacts', detectedAt)) - detectedAt,
      cacheWrittenMs: (await firstWrite(panel, 'lookupCache', lastEnd)) - lastEnd,
      searchesPerLookup: searches.length,
    });
  }
  const of = (key: keyof (typeof samples)[number]) => round(median(samples.map((sample) => sample[key])));
  return {
    latencyMs,
    cachedLookups,
    lookups: samples.length,
    overheadRatio: round(median(ratios)),
    endToEndMs: of('endToEndMs'),
    crmMs: of('crmMs'),
    beforeRequestMs: of('beforeRequestMs'),
    afterResponseMs: of('afterResponseMs'),
    contactsStoredMs: of('contactsStoredMs'),
    cacheWrittenMs: of('cacheWrittenMs'),
    searchesPerLookup: of('searchesPerLookup'),
  };
}

export interface LookupResults {
  lookupOverheadRatio0ms: number;
  lookupOverheadRatio100ms: number;
  lookupOverheadRatio100msFullCache: number;
  details: LookupFigures[];
}

export async function benchLookup(): Promise<LookupResults> {
  const session = await startBenchSession();
  try {
    const panel = await openPanel(session.browser);
    await watchCards(panel);
    await panel.evaluate(RECORD_SESSION_WRITES);
    // Each pass in a conversation of its own, as an agent moves between them: the automatic look-ups of
    // one tab are budgeted (tab-lookups.ts), and a pass looks up more customers a minute than any agent.
    // As an agent has it, the conversation is the active tab and the panel sits beside it. (Opened as a
    // tab here, the panel would otherwise leave the chat in the background, where Chromium withholds
    // idle periods and the scanner's requestIdleCallback waits for its timeout.)
    const conversation = async () => {
      const chat = await openChat(session.browser, session.mock.url);
      await chat.bringToFront();
      return chat;
    };
    const details: LookupFigures[] = [];
    for (const latencyMs of LATENCIES_MS) details.push(await measureAtLatency(session, await conversation(), panel, latencyMs));
    await panel.evaluate(FILL_LOOKUP_CACHE);
    const fullCache = await measureAtLatency(session, await conversation(), panel, 100);
    return {
      lookupOverheadRatio0ms: details[0]!.overheadRatio,
      lookupOverheadRatio100ms: details[1]!.overheadRatio,
      lookupOverheadRatio100msFullCache: fullCache.overheadRatio,
      details: [...details, fullCache],
    };
  } finally {
    await session.close();
  }
}

if (isMain(import.meta.url)) {
  const { details } = await benchLookup();
  console.table(details);
}
