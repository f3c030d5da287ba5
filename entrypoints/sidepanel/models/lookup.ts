// The lookup on screen, as the background decided it for the followed tab (lib/lookup/tab-lookup.ts):
// the panel only renders it and sends the agent's intents (open a contact, choose a match, switch to the
// offered contact, follow new contacts). It never looks anything up by itself, so nothing but the agent
// changes the customer on screen while they work.
import { computed, signal } from '@preact/signals';
import { IDLE_LOOKUP, type ContactRef, type LookupView, type TabLookup } from '@/lib/lookup/tab-lookup';
import { toRequestError, type Client, type RequestError } from '@/lib/messaging/client';
import type { MessageType, RequestOf } from '@/lib/messaging/protocol';
import { followItem } from '@/lib/signals/follow-item';
import { ownedModel } from '@/lib/signals/owned-model';
import { tabLookupsItem } from '@/lib/storage';
import type { FollowedTabModel } from './followed-tab';
import type { SettingsModel } from './settings';

export type LookupState = LookupView;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Keeps the objects of what did not change, so what is derived from a card (its stage, its labels as
 * read) is not read again when only an offer or a pin changed.
 */
function keepUnchanged(before: TabLookup | undefined, next: TabLookup): TabLookup {
  if (!before) return next;
  if (same(before, next)) return before;
  if (same(before.view, next.view)) return { ...next, view: before.view };
  if (next.view.status !== 'found' || before.view.status !== 'found') return next;
  const old = new Map(before.view.cards.map((card) => [card.customer.id, card]));
  const cards = next.view.cards.map((card) => {
    const kept = old.get(card.customer.id);
    return kept && same(kept, card) ? kept : card;
  });
  return { ...next, view: { ...next.view, cards } };
}

export interface LookupDeps {
  client: Client;
  tab: Pick<FollowedTabModel, 'followedTab'>;
  settings: Pick<SettingsModel, 'settingsView'>;
}

export function createLookupModel({ client, tab: { followedTab }, settings: { settingsView } }: LookupDeps) {
  return ownedModel((own) => {
    /** Every tab's lookup as the background last published it; only `receive` (and tests) set it. */
    const publishedLookups = signal<Record<string, TabLookup>>({});

    /** The followed tab's lookup, for the CRM connected now. */
    const tabLookup = computed<TabLookup>(() => {
      const tab = followedTab.value;
      const state = tab ? publishedLookups.value[tab.id] : undefined;
      const connection = settingsView.value?.connection;
      return state && state.connection === connection ? state : IDLE_LOOKUP;
    });

    const lookupState = computed<LookupView>(() => tabLookup.value.view);

    /**
     * The value of the contact being looked up. The panel's frame reads this rather than the whole state,
     * so the answer arriving re-renders only the result, not the page around it.
     */
    const lookedUpValue = computed(() => {
      const state = lookupState.value;
      return state.status === 'idle' ? undefined : state.contact.value;
    });

    /** An intent the background could not take (it was restarting, say): shown with a way to try again. */
    const intentError = signal<RequestError | undefined>(undefined);

    function receive(all: Record<string, TabLookup> | null) {
      const before = publishedLookups.peek();
      publishedLookups.value = Object.fromEntries(Object.entries(all ?? {}).map(([tabId, state]) => [tabId, keepUnchanged(before[tabId], state)]));
    }

    async function intend<K extends MessageType>(type: K, payload: Omit<RequestOf<K>, 'tabId'>) {
      const tab = followedTab.value;
      if (!tab) return;
      try {
        await client.request(type, { ...payload, tabId: tab.id } as RequestOf<K>);
        intentError.value = undefined;
      } catch (error) {
        intentError.value = toRequestError(error);
      }
    }

    /** The agent opens a contact (a chip, a selection): it stays on screen until the agent changes it. */
    const lookUp = (contact: ContactRef) => intend('lookup.open', { kind: contact.kind, value: contact.value });
    /** The agent takes the offered new contact; new contacts keep opening by themselves afterwards. */
    function switchToOffer() {
      const offer = tabLookup.value.offer;
      if (offer) void intend('lookup.open', { kind: offer.contact.kind, value: offer.contact.value, follow: true });
    }
    const dismissOffer = () => intend('lookup.dismiss', {});
    const retryLookup = () => intend('lookup.retry', {});
    /** One of several matches, or back to all of them (undefined). */
    const selectCustomer = (customerId: string | undefined) => intend('lookup.choose', customerId === undefined ? {} : { customerId });
    /** A customer found by a manual search or just created. */
    const openCustomer = (customerId: string) => intend('lookup.pick', { customerId });
    const followNewContacts = () => intend('lookup.follow', {});

    followItem(own, tabLookupsItem, receive);
    return {
      publishedLookups,
      tabLookup,
      lookupState,
      lookedUpValue,
      intentError,
      lookUp,
      switchToOffer,
      dismissOffer,
      retryLookup,
      selectCustomer,
      openCustomer,
      followNewContacts,
    };
  });
}

export type LookupModel = ReturnType<typeof createLookupModel>;
