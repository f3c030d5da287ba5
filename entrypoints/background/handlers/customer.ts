// Handlers that find customers and read what the card shows (customer.* reads): manual search, the
// current stage, the timeline and the labels the label editor starts from. Stages read from the
// timeline are remembered per customer with the update time they were read for, so a customer seen again costs no timeline read until the CRM's
// update time moves (lib/crm/stage.ts). The stage and the timeline section both start from the
// timeline's first page: the section takes the stage's read of it, and either joins the other's read
// under way, so a card costs it once. The section keeps taking that read for two minutes while the
// customer's update time stands still (a stage change or edit moves it, and the stage is then read
// afresh, replacing it), so an agent going back and forth between conversations costs one request per
// card; a colleague's note, which does not move the update time, shows within those two minutes, the
// agent's own as soon as it lands. The same page names the newest note, so the card's summary line
// costs no request of its own. Label groups carry each label's pinyin spelling.
import { latestNote, toCards } from '@/lib/crm/cards';
import type { TimelineEvent } from '@/lib/crm/domain';
import { currentResult, currentStage, stillCurrent } from '@/lib/crm/stage';
import type { Handlers } from '@/lib/messaging/server';
import type { HandlerDependencies } from './dependencies';
import { crmLists } from '../crm-lists';

/** The customer.* messages that read; those that change a customer are in customer-edits.ts. */
type CustomerReads = 'customer.search' | 'customer.stage' | 'customer.timeline' | 'customer.labels';

/** How long the timeline's first page, read for the stage, also answers the timeline section. */
export const FIRST_PAGE_SHARED_MS = 120_000;

/** `readAt`: when the read started; the agent's notes sent after it are not on it. */
type TimelinePage = { events: TimelineEvent[]; pageCount: number; readAt: number };
type FirstPageRead = { at: number; page: Promise<TimelinePage>; settled: boolean };

export function customerHandlers(deps: HandlerDependencies): Pick<Handlers, CustomerReads> {
  const lists = crmLists(deps);
  const now = deps.now ?? Date.now;
  const cacheKey = async (what: string) => `${await deps.session.connectionKey()}|${what}`;
  const firstPages = new Map<string, FirstPageRead>();

  /**
   * The timeline's first page, unfiltered. `reuse`: 'recent' takes a read of the last moment (the section,
   * right after the stage), 'running' only one still under way (the stage, which must see the CRM as it
   * is), 'none' reads afresh (after one of the agent's writes landed).
   */
  async function firstPage(customerId: string, reuse: 'recent' | 'running' | 'none'): Promise<TimelinePage> {
    const backend = await deps.session.backend();
    if (!backend.listTimeline) return { events: [], pageCount: 0, readAt: now() };
    const key = await cacheKey(customerId);
    const shared = firstPages.get(key);
    const usable = shared && (reuse === 'recent' ? now() - shared.at < FIRST_PAGE_SHARED_MS : reuse === 'running' && !shared.settled);
    if (usable) return shared.page;
    for (const [other, { at }] of firstPages) if (now() - at >= FIRST_PAGE_SHARED_MS) firstPages.delete(other);
    const at = now();
    const page = backend.listTimeline(customerId).then((read) => ({ ...read, readAt: at }));
    const entry: FirstPageRead = { at, page, settled: false };
    firstPages.set(key, entry);
    entry.page.then(
      () => (entry.settled = true),
      () => (firstPages.get(key) === entry ? firstPages.delete(key) : undefined),
    );
    return entry.page;
  }

  return {
    async 'customer.search'({ field, value, page }) {
      const backend = await deps.session.backend();
      const [result, groups] = await Promise.all([backend.searchCustomers(field, value, page), lists.labelGroups()]);
      const cards = toCards(result.customers, groups);
      // The agent opens one of them next: that costs no second read.
      await deps.contactLookups.keepCards(cards);
      return { ...result, cards };
    },

    async 'customer.stage'({ customerId, updatedAt }) {
      const backend = await deps.session.backend();
      if (!backend.listTimeline) return { stage: null, readAt: now() };
      const key = await cacheKey(customerId);
      const remembered = stillCurrent(await deps.records.recall(deps.stageCache, key), updatedAt);
      if (remembered) return { stage: remembered.stage, result: remembered.result, readAt: remembered.at, latestNote: remembered.latestNote };
      const readAt = now();
      const [{ events }, known] = await Promise.all([firstPage(customerId, 'running'), lists.stages()]);
      const stage = currentStage(events, known);
      const result = currentResult(events);
      const note = latestNote(events);
      if (updatedAt !== undefined) deps.records.remember(deps.stageCache, key, { at: readAt, updatedAt, stage, result, latestNote: note });
      return { stage, result, readAt, latestNote: note };
    },

    async 'customer.timeline'({ customerId, page, group, fresh }) {
      const backend = await deps.session.backend();
      if (!backend.listTimeline) return { events: [], pageCount: 0 };
      if ((page ?? 1) === 1 && group === undefined) return firstPage(customerId, fresh ? 'none' : 'recent');
      return backend.listTimeline(customerId, page, group);
    },

    async 'customer.labels'({ customerId }) {
      const backend = await deps.session.backend();
      return backend.getCustomerLabels ? backend.getCustomerLabels(customerId) : [];
    },
  };
}
