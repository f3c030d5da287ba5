// Handlers that find customers and read what the card shows. Lookup answers are remembered per contact
// so the panel can show a recently viewed customer at once and revalidate it; stages read from the
// timeline are remembered per customer with the update time they were read for, so a customer seen
// again costs no timeline read until the CRM's update time moves (lib/crm/stage-cache.ts).
import { currentStage, toCards } from '@/lib/crm/cards';
import { findCustomers } from '@/lib/crm/lookup';
import { stillCurrent } from '@/lib/crm/stage-cache';
import type { Handlers } from '@/lib/messaging/server';
import { createSerialQueue } from '@/lib/serial';
import { stageCacheItem } from '@/lib/storage';
import type { HandlerDependencies, Item } from './dependencies';
import { referenceData } from './reference-data';

type CustomerMessages = 'customer.lookup' | 'customer.cached' | 'customer.search' | 'customer.stage' | 'reference.get';

/** Entries each remembered record keeps, newest first. */
const MAX_REMEMBERED = 100;

export function customerHandlers(deps: HandlerDependencies): Pick<Handlers, CustomerMessages> {
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

  return {
    async 'customer.lookup'(contact) {
      const backend = await deps.session.backend();
      // The cache key is ready by the time the CRM answers, so the reply waits for nothing after it.
      const [found, groups, key] = await Promise.all([findCustomers(backend, contact), reference.labelGroups(), cacheKey(`${contact.kind}:${contact.value}`)]);
      const answer = { tried: found.tried, cards: toCards(found.customers, groups) };
      remember(deps.lookupCache, key, { at: now(), answer });
      return answer;
    },

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
      return { labelGroups, stages, customFields, sources };
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
      if (remembered) return { stage: remembered.stage, readAt: remembered.at };
      const readAt = now();
      const [{ events }, known] = await Promise.all([backend.listTimeline(customerId), reference.stages()]);
      const stage = currentStage(events, known);
      if (updatedAt !== undefined) remember(stageCacheItem, key, { at: readAt, updatedAt, stage });
      return { stage, readAt };
    },
  };
}
