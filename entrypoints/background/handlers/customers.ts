// Handlers that find customers and read what the card shows. Lookup answers are remembered per contact
// so the panel can show a recently viewed customer at once and revalidate it.
import { currentStage, toCards } from '@/lib/crm/cards';
import { findCustomers } from '@/lib/crm/lookup';
import type { LookupAnswer } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/server';
import { createSerialQueue } from '@/lib/serial';
import type { HandlerDependencies } from './dependencies';
import { referenceData } from './reference-data';

type CustomerMessages = 'customer.lookup' | 'customer.cached' | 'customer.search' | 'customer.stage' | 'reference.get';

const MAX_CACHED_LOOKUPS = 100;

export function customerHandlers(deps: HandlerDependencies): Pick<Handlers, CustomerMessages> {
  const reference = referenceData(deps);
  const now = deps.now ?? Date.now;
  const serially = createSerialQueue();

  async function cacheKey(contact: { kind: string; value: string }) {
    return `${await deps.session.connectionKey()}|${contact.kind}:${contact.value}`;
  }

  /** Keeps the answer for next time, one write at a time, without making the agent wait for it. */
  function remember(key: string, answer: LookupAnswer) {
    const at = now();
    void serially(async () => {
      const all = await deps.lookupCache.getValue();
      const kept = Object.entries(all)
        .filter(([other]) => other !== key)
        .sort(([, a], [, b]) => b.at - a.at)
        .slice(0, MAX_CACHED_LOOKUPS - 1);
      await deps.lookupCache.setValue(Object.fromEntries([[key, { at, answer }], ...kept]));
    }).catch(() => undefined);
  }

  return {
    async 'customer.lookup'(contact) {
      const backend = await deps.session.backend();
      const [found, groups] = await Promise.all([findCustomers(backend, contact), reference.labelGroups()]);
      const answer = { tried: found.tried, cards: toCards(found.customers, groups) };
      remember(await cacheKey(contact), answer);
      return answer;
    },

    async 'customer.cached'(contact) {
      return (await deps.lookupCache.getValue())[await cacheKey(contact)]?.answer ?? null;
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

    async 'customer.stage'({ customerId }) {
      const backend = await deps.session.backend();
      if (!backend.listTimeline) return { stage: null };
      const [{ events }, known] = await Promise.all([backend.listTimeline(customerId), reference.stages()]);
      return { stage: currentStage(events, known) };
    },
  };
}
