// Suggested labels for the customer on screen: asks the background which labels the followed tab's
// conversation about this customer talks about (again whenever the conversation, the customer, the
// label groups or the settings change), keeps those the customer lacks (pick-suggestions.ts), and
// applies one through the same path as a label click (delta, outbox, undo). While the pointer or focus
// is on the suggestions their list holds still — an applied one stays in place, marked — so nothing
// slides under the pointer; it catches up once they leave. The panel's glue is given it.
import { computed, signal } from '@preact/signals';
import type { LabelRef } from '@/lib/crm/domain';
import type { Client } from '@/lib/messaging/client';
import type { CustomerCard } from '@/lib/crm/views';
import { ownedModel } from '@/lib/signals/owned-model';
import { settingsChangedItem, tabConversationsItem } from '@/lib/storage';
import type { LabelMatch } from '@/lib/suggest/label-matcher';
import { pickSuggestions, type LabelSuggestion } from '@/lib/suggest/pick-suggestions';
import type { FollowedTabModel } from './followed-tab';
import type { LabelEditorModel } from './label-editor';
import type { LookupModel } from './lookup';
import type { ReferenceModel } from './reference';

export interface ShownSuggestion extends LabelSuggestion {
  /** Applied while the list was held: shown in place, marked, no longer a button that does anything. */
  applied: boolean;
}

export interface LabelSuggestionsDeps {
  client: Client;
  tab: Pick<FollowedTabModel, 'followedTab'>;
  labels: Pick<LabelEditorModel, 'clickLabel' | 'shownLabels'>;
  lookup: Pick<LookupModel, 'lookedUpValue' | 'lookupState'>;
  reference: Pick<ReferenceModel, 'referenceData'>;
}

export function createLabelSuggestionsModel(deps: LabelSuggestionsDeps) {
  const {
    client,
    tab: { followedTab },
    labels: { clickLabel, shownLabels },
    lookup: { lookedUpValue, lookupState },
    reference: { referenceData },
  } = deps;
  return ownedModel((own) => {
    /** On until the background says otherwise, so the suggestions' row is there from the card's first paint. */
    const suggestionsEnabled = signal(true);
    const answer = signal<{ key: string; matches: LabelMatch[] } | undefined>(undefined);
    const held = signal<{ customerId: string; list: LabelSuggestion[] } | undefined>(undefined);
    /** Changes whenever the followed tab's conversation does. */
    const conversationVersion = signal('');

    function selectedCard(): CustomerCard | undefined {
      const state = lookupState.value;
      return state.status === 'found' ? state.cards.find((card) => card.customer.id === state.selectedId) : undefined;
    }

    /** The customer's phones and emails, and the contact that found them: the conversation's texts about these count. */
    function contactsOf(card: CustomerCard): string[] {
      return [...new Set([lookedUpValue.value, ...card.customer.phones, ...card.customer.emails].filter((value): value is string => Boolean(value)))].slice(
        0,
        20,
      );
    }

    const requestKey = computed(() => {
      const tab = followedTab.value;
      const card = selectedCard();
      if (!tab || !card) return undefined;
      return JSON.stringify({ tabId: tab.id, contacts: contactsOf(card), customerId: card.customer.id });
    });

    function liveSuggestions(customerId: string, fallback: LabelRef[]): LabelSuggestion[] {
      const current = answer.value;
      if (!suggestionsEnabled.value || !current || current.key !== requestKey.value) return [];
      return pickSuggestions(current.matches, referenceData.value?.labelGroups ?? [], shownLabels(customerId, fallback));
    }

    /** What the suggestions' row shows for the customer: the held list while the agent is on it, else the live one. */
    function shownSuggestions(customerId: string, fallback: LabelRef[] = []): ShownSuggestion[] {
      const has = new Set(shownLabels(customerId, fallback).map((label) => label.id));
      const stillHeld = held.value?.customerId === customerId ? held.value.list : undefined;
      return (stillHeld ?? liveSuggestions(customerId, fallback)).map((suggestion) => ({ ...suggestion, applied: has.has(suggestion.label.id) }));
    }

    /** The pointer or focus came onto the suggestions: their list stays as it is until they leave. */
    function holdSuggestions(customerId: string) {
      if (held.peek()?.customerId !== customerId) held.value = { customerId, list: shownSuggestions(customerId) };
    }

    function releaseSuggestions() {
      held.value = undefined;
    }

    /** Adds the suggested label unless the customer has it by now: a second click never takes it off again. */
    function applySuggestion(customerId: string, suggestion: LabelSuggestion): boolean {
      if (shownLabels(customerId).some((label) => label.id === suggestion.label.id)) return false;
      clickLabel(customerId, suggestion.group, suggestion.label);
      return true;
    }

    /** The "A" key: the first suggestion not applied yet. */
    function applyFirstSuggestion(customerId: string): boolean {
      const next = shownSuggestions(customerId).find((suggestion) => !suggestion.applied);
      return next ? applySuggestion(customerId, next) : false;
    }

    async function loadEnabled() {
      try {
        suggestionsEnabled.value = (await client.request('labelSuggestions.settings', {})).effective.enabled;
      } catch {
        // The background is restarting: the next change asks again; the row stays as it was.
      }
    }

    void loadEnabled();
    own.onDispose(settingsChangedItem.watch(() => void loadEnabled()));
    own.onDispose(
      tabConversationsItem.watch((all) => {
        const tab = followedTab.peek();
        const texts = tab ? (all?.[tab.id] ?? []) : [];
        conversationVersion.value = texts.map((entry) => `${entry.at}:${entry.text.length}`).join(',');
      }),
    );
    let asked = 0;
    own.effect(() => {
      const key = requestKey.value;
      // Read to ask again when they change.
      void conversationVersion.value;
      void referenceData.value?.labelGroups;
      const enabled = suggestionsEnabled.value;
      if (!key || !enabled) return;
      const ask = ++asked;
      const { tabId, contacts } = JSON.parse(key) as { tabId: number; contacts: string[] };
      client.request('labelSuggestions.forTab', { tabId, contacts }).then(
        (reply) => {
          if (ask !== asked) return;
          answer.value = { key, matches: reply.matches };
          if (!reply.enabled) suggestionsEnabled.value = false;
        },
        () => undefined,
      );
    });
    return { suggestionsEnabled, shownSuggestions, holdSuggestions, releaseSuggestions, applySuggestion, applyFirstSuggestion };
  });
}

export type LabelSuggestionsModel = ReturnType<typeof createLabelSuggestionsModel>;
