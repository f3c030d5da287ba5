// Looking a contact up in the CRM, for the tab-lookups controller: one CRM lookup per contact however
// many ask at once, every answer remembered per connection (so a customer seen before shows at once and
// is then revalidated), and the cards of customers the agent just searched or created kept briefly, so
// opening one costs no request. It also checks one customer as the CRM has them now (revalidation), and
// forgets a customer the CRM no longer has. Only the background imports it.
import { toCards } from '@/lib/crm/cards';
import { CrmError } from '@/lib/crm/errors';
import { findCustomers } from '@/lib/crm/lookup';
import type { ContactRef } from '@/lib/lookup/tab-lookup';
import type { CustomerCard, LookupAnswer } from '@/lib/crm/views';
import type { Item } from '@/lib/storage';
import { crmLists, type CrmListsDependencies } from './crm-lists';
import type { RememberedRecords } from './remembered';

/** Cards of customers searched or created lately, by id: the agent opens one of them next. */
const RECENT_CARDS = 50;

export interface LookupOutcome {
  answer: LookupAnswer;
  /** CRM searches it made: one per spelling tried. */
  requests: number;
}

export type CustomerCheck = { card: CustomerCard; gone?: undefined } | { gone: true; card?: undefined };

export interface ContactLookupsDependencies extends CrmListsDependencies {
  /** The last answer per contact and connection, remembered through `records`. */
  lookupCache: Item<Record<string, { at: number; answer: LookupAnswer }>>;
  now?: () => number;
}

export function createContactLookups(deps: ContactLookupsDependencies, records: RememberedRecords) {
  const lists = crmLists(deps);
  const now = deps.now ?? Date.now;
  const running = new Map<string, Promise<LookupOutcome>>();
  /** When each contact was last answered by the CRM, in memory: deciding not to ask again costs no read. */
  const answeredAt = new Map<string, number>();
  const recentCards = new Map<string, CustomerCard>();
  const checks = new Map<string, Promise<CustomerCheck>>();
  const cardKey = async (customerId: string) => `${await deps.session.connectionKey()}|${customerId}`;

  /** Keys records by the CRM connection, so two CRMs (or two accounts) never share an entry. */
  const cacheKey = async (contact: ContactRef) => `${await deps.session.connectionKey()}|${contact.kind}:${contact.value}`;

  async function askCrm(contact: ContactRef, key: string): Promise<LookupOutcome> {
    const backend = await deps.session.backend();
    const [found, groups] = await Promise.all([findCustomers(backend, contact), lists.labelGroups()]);
    const answer = { tried: found.tried, cards: toCards(found.customers, groups) };
    records.remember(deps.lookupCache, key, { at: now(), answer });
    answeredAt.set(key, now());
    return { answer, requests: found.tried.length };
  }

  return {
    /** Asks the CRM; a lookup of the same contact already under way is joined, not repeated. */
    async lookUp(contact: ContactRef): Promise<LookupOutcome> {
      const key = await cacheKey(contact);
      const shared = running.get(key);
      if (shared) return shared;
      const outcome = askCrm(contact, key);
      running.set(key, outcome);
      const leave = () => {
        if (running.get(key) === outcome) running.delete(key);
      };
      outcome.then(leave, leave);
      return outcome;
    },

    /** Whether the CRM answered for this contact less than `ms` ago (in this worker's life). */
    async answeredWithin(contact: ContactRef, ms: number): Promise<boolean> {
      const at = answeredAt.get(await cacheKey(contact));
      return at !== undefined && now() - at < ms;
    },

    /** The last answer for the contact on this connection, and when it was had. */
    async cached(contact: ContactRef): Promise<{ at: number; answer: LookupAnswer } | undefined> {
      return records.recall(deps.lookupCache, await cacheKey(contact));
    },

    /** Keeps cards the agent may open next (search results, a customer just created). */
    async keepCards(cards: CustomerCard[]) {
      for (const card of cards) {
        const key = await cardKey(card.customer.id);
        recentCards.delete(key);
        recentCards.set(key, card);
      }
      for (const id of [...recentCards.keys()].slice(0, Math.max(0, recentCards.size - RECENT_CARDS))) recentCards.delete(id);
    },

    /**
     * The customer as the CRM has them now (one read of the record; labels are named from the cached
     * groups), or 'gone' when the CRM has no such id any more: merged into another, or deleted. Checks of
     * one customer already under way are joined.
     */
    async checkCustomer(customerId: string): Promise<CustomerCheck> {
      const key = await cardKey(customerId);
      const shared = checks.get(key);
      if (shared) return shared;
      const check = (async (): Promise<CustomerCheck> => {
        const backend = await deps.session.backend();
        try {
          const [customer, groups] = await Promise.all([backend.getCustomer(customerId), lists.labelGroups()]);
          return { card: toCards([customer], groups)[0]! };
        } catch (error) {
          if (error instanceof CrmError && error.code === 'not-found') return { gone: true };
          throw error;
        }
      })();
      checks.set(key, check);
      const leave = () => checks.get(key) === check && checks.delete(key);
      check.then(leave, leave);
      return check;
    },

    /** Puts the CRM's newer card of a customer into the remembered answer for the contact, if it is there. */
    async rememberCard(contact: ContactRef, card: CustomerCard) {
      const key = await cacheKey(contact);
      const remembered = await records.recall(deps.lookupCache, key);
      if (!remembered?.answer.cards.some((shown) => shown.customer.id === card.customer.id)) return;
      const cards = remembered.answer.cards.map((shown) => (shown.customer.id === card.customer.id ? card : shown));
      records.remember(deps.lookupCache, key, { at: now(), answer: { ...remembered.answer, cards } });
    },

    /** Drops what is remembered about a customer the CRM no longer has, and the answer that showed them. */
    async forgetCustomer(contact: ContactRef, customerId: string) {
      const key = await cacheKey(contact);
      records.forget(deps.lookupCache, key);
      answeredAt.delete(key);
      recentCards.delete(await cardKey(customerId));
    },

    /** A customer's card: kept from a recent search, else read from the CRM. */
    async customerCard(customerId: string): Promise<CustomerCard> {
      const kept = recentCards.get(await cardKey(customerId));
      if (kept) return kept;
      const backend = await deps.session.backend();
      const [customer, groups] = await Promise.all([backend.getCustomer(customerId), lists.labelGroups()]);
      return toCards([customer], groups)[0]!;
    },
  };
}

export type ContactLookups = ReturnType<typeof createContactLookups>;
