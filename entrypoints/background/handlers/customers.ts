// Handlers that find customers and read what the card shows. Lookup answers are remembered per contact
// so the panel can show a recently viewed customer at once and revalidate it; stages read from the
// timeline are remembered per customer with the update time they were read for, so a customer seen
// again costs no timeline read until the CRM's update time moves (lib/crm/stage-cache.ts). A contact's
// lookup runs once however many ask for it at the same time, and the background may start it before the
// panel asks (lookUpAhead, from the contacts handler), so the CRM request leaves as soon as the contact
// is found.
import { currentStage, latestNote, toCards } from '@/lib/crm/cards';
import { withSpellings } from '@/lib/crm/label-spelling';
import { findCustomers } from '@/lib/crm/lookup';
import { stillCurrent } from '@/lib/crm/stage-cache';
import type { LookupAnswer, RequestOf } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/server';
import { createSerialQueue } from '@/lib/serial';
import { stageCacheItem } from '@/lib/storage';
import type { HandlerDependencies, Item } from './dependencies';
import { referenceData } from './reference-data';

type CustomerMessages = 'customer.lookup' | 'customer.cached' | 'customer.search' | 'customer.stage' | 'reference.get';

/** Entries each remembered record keeps, newest first. */
const MAX_REMEMBERED = 100;
/** How long a lookup started ahead keeps its answer for the panel's own request, which is on its way. */
const AHEAD_ANSWER_KEPT_MS = 3_000;

type Contact = RequestOf<'customer.lookup'>;

export interface CustomerHandlers {
  handlers: Pick<Handlers, CustomerMessages>;
  /** Starts the lookup an open panel is about to ask for; its request then takes this one's answer. */
  lookUpAhead(contact: Contact): void;
}

export function customerHandlers(deps: HandlerDependencies): CustomerHandlers {
  const reference = referenceData(deps);
  const now = deps.now ?? Date.now;
  const serially = createSerialQueue();

  /** Keys records by the CRM connection, so two CRMs (or two accounts) never share an entry. */
  async function cacheKey(what: string) {
    return `${await deps.session.connectionKey()}|${what}`;
  }

  /** Entries remembered but not yet written, per record: they answer repeats until their write lands. */
  const unsaved = new Map<Item<Record<string, { at: number }>>, Map<string, { at: number }>>();
  const unsavedOf = <T extends { at: number }>(record: Item<Record<string, T>>) => {
    let entries = unsaved.get(record);
    if (!entries) unsaved.set(record, (entries = new Map()));
    return entries as Map<string, T>;
  };

  /**
   * Keeps an entry for next time without making the agent wait for it: the write starts in a later
   * task, after the reply has gone out, and runs one at a time. A worker stopped before it lands loses
   * only this entry (a cache, asked again next time); the record on disk is replaced whole or not at all.
   */
  function remember<T extends { at: number }>(record: Item<Record<string, T>>, key: string, entry: T) {
    const pending = unsavedOf(record);
    pending.set(key, entry);
    setTimeout(() => {
      void serially(async () => {
        const all = await record.getValue();
        const kept = Object.entries(all)
          .filter(([other]) => other !== key)
          .sort(([, a], [, b]) => b.at - a.at)
          .slice(0, MAX_REMEMBERED - 1);
        await record.setValue(Object.fromEntries([[key, entry], ...kept]));
      })
        .catch(() => undefined)
        .finally(() => {
          if (pending.get(key) === entry) pending.delete(key);
        });
    }, 0);
  }

  /** The entry remembered under the key: the newest one not yet written, else the stored one. */
  async function recall<T extends { at: number }>(record: Item<Record<string, T>>, key: string): Promise<T | undefined> {
    return unsavedOf(record).get(key) ?? (await record.getValue())[key];
  }

  async function askCrm(contact: Contact, key: string): Promise<LookupAnswer> {
    const backend = await deps.session.backend();
    const [found, groups] = await Promise.all([findCustomers(backend, contact), reference.labelGroups()]);
    const answer = { tried: found.tried, cards: toCards(found.customers, groups) };
    remember(deps.lookupCache, key, { at: now(), answer });
    return answer;
  }

  /**
   * Lookups under way, by cache key. One started ahead stays a short while after it succeeds, for the
   * panel's request it was started for; the panel's own leave once settled, so a later request (after
   * the agent created the customer, say) asks the CRM again.
   */
  const running = new Map<string, { answer: Promise<LookupAnswer>; ahead: boolean }>();

  async function lookUp(contact: Contact, ahead: boolean): Promise<LookupAnswer> {
    const key = await cacheKey(`${contact.kind}:${contact.value}`);
    const shared = running.get(key);
    if (shared && (ahead || !shared.ahead)) return shared.answer;
    // The panel's request takes over a lookup started ahead for it; if that one failed, it asks itself.
    const answer = shared ? shared.answer.catch(() => askCrm(contact, key)) : askCrm(contact, key);
    const entry = { answer, ahead };
    running.set(key, entry);
    const leave = () => {
      if (running.get(key) === entry) running.delete(key);
    };
    answer.then(() => (ahead ? setTimeout(leave, AHEAD_ANSWER_KEPT_MS) : leave()), leave);
    return answer;
  }

  const handlers: Pick<Handlers, CustomerMessages> = {
    'customer.lookup': (contact) => lookUp(contact, false),

    async 'customer.cached'(contact) {
      return (await recall(deps.lookupCache, await cacheKey(`${contact.kind}:${contact.value}`)))?.answer ?? null;
    },

    async 'reference.get'() {
      const [labelGroups, stages, customFields, sources] = await Promise.all([
        reference.labelGroups(),
        reference.stages(),
        reference.customFields(),
        reference.sources(),
      ]);
      return { labelGroups: withSpellings(labelGroups), stages, customFields, sources };
    },

    async 'customer.search'({ field, value, page }) {
      const backend = await deps.session.backend();
      const [result, groups] = await Promise.all([backend.searchCustomers(field, value, page), reference.labelGroups()]);
      return { ...result, cards: toCards(result.customers, groups) };
    },

    async 'customer.stage'({ customerId, updatedAt }) {
      const backend = await deps.session.backend();
      if (!backend.listTimeline) return { stage: null, readAt: now() };
      const key = await cacheKey(customerId);
      const remembered = stillCurrent(await recall(stageCacheItem, key), updatedAt);
      if (remembered) return { stage: remembered.stage, readAt: remembered.at, latestNote: remembered.latestNote };
      const readAt = now();
      const [{ events }, known] = await Promise.all([backend.listTimeline(customerId), reference.stages()]);
      const stage = currentStage(events, known);
      // The same page names the newest note: the card's summary line costs no request of its own.
      const note = latestNote(events);
      if (updatedAt !== undefined) remember(stageCacheItem, key, { at: readAt, updatedAt, stage, latestNote: note });
      return { stage, readAt, latestNote: note };
    },
  };

  return {
    handlers,
    // Nobody waits for it: a failure is the panel's request's to report, which then asks again.
    lookUpAhead: (contact) => void lookUp(contact, true).catch(() => undefined),
  };
}
