// Suggested labels for the customer on screen: asks the background which labels the followed tab's
// conversation about this customer talks about (again whenever the conversation, the customer, the
// label groups or the settings change), keeps those the customer lacks (pick-suggestions.ts), and
// applies one through the same path as a label click (delta, outbox, undo). While the pointer or focus
// is on the suggestions their list holds still — an applied one stays in place, marked — so nothing
// slides under the pointer; it catches up once they leave. The panel's glue imports it.
import { computed, effect, signal } from '@preact/signals';
import type { LabelRef } from '@/lib/crm/domain';
import { request } from '@/lib/messaging/client';
import type { CustomerCard } from '@/lib/crm/views';
import { settingsChangedItem, tabConversationsItem } from '@/lib/storage';
import type { LabelMatch } from '@/lib/suggest/label-matcher';
import { pickSuggestions, type LabelSuggestion } from '@/lib/suggest/pick-suggestions';
import { followedTab } from './followed-tab';
import { clickLabel, shownLabels } from './label-editor';
import { lookedUpValue, lookupState } from './lookup';
import { referenceData } from './reference';

/** On until the background says otherwise, so the suggestions' row is there from the card's first paint. */
export const suggestionsEnabled = signal(true);
const answer = signal<{ key: string; matches: LabelMatch[] } | undefined>(undefined);
const held = signal<{ customerId: string; list: LabelSuggestion[] } | undefined>(undefined);
/** Changes whenever the followed tab's conversation does. */
const conversationVersion = signal('');

export interface ShownSuggestion extends LabelSuggestion {
  /** Applied while the list was held: shown in place, marked, no longer a button that does anything. */
  applied: boolean;
}

function selectedCard(): CustomerCard | undefined {
  const state = lookupState.value;
  return state.status === 'found' ? state.cards.find((card) => card.customer.id === state.selectedId) : undefined;
}

/** The customer's phones and emails, and the contact that found them: the conversation's texts about these count. */
function contactsOf(card: CustomerCard): string[] {
  return [...new Set([lookedUpValue.value, ...card.customer.phones, ...card.customer.emails].filter((value): value is string => Boolean(value)))].slice(0, 20);
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
export function shownSuggestions(customerId: string, fallback: LabelRef[] = []): ShownSuggestion[] {
  const has = new Set(shownLabels(customerId, fallback).map((label) => label.id));
  const stillHeld = held.value?.customerId === customerId ? held.value.list : undefined;
  return (stillHeld ?? liveSuggestions(customerId, fallback)).map((suggestion) => ({ ...suggestion, applied: has.has(suggestion.label.id) }));
}

/** The pointer or focus came onto the suggestions: their list stays as it is until they leave. */
export function holdSuggestions(customerId: string) {
  if (held.peek()?.customerId !== customerId) held.value = { customerId, list: shownSuggestions(customerId) };
}

export function releaseSuggestions() {
  held.value = undefined;
}

/** Adds the suggested label unless the customer has it by now: a second click never takes it off again. */
export function applySuggestion(customerId: string, suggestion: LabelSuggestion): boolean {
  if (shownLabels(customerId).some((label) => label.id === suggestion.label.id)) return false;
  clickLabel(customerId, suggestion.group, suggestion.label);
  return true;
}

/** The "A" key: the first suggestion not applied yet. */
export function applyFirstSuggestion(customerId: string): boolean {
  const next = shownSuggestions(customerId).find((suggestion) => !suggestion.applied);
  return next ? applySuggestion(customerId, next) : false;
}

async function loadEnabled() {
  try {
    suggestionsEnabled.value = (await request('labelSuggestions.settings', {})).effective.enabled;
  } catch {
    // The background is restarting: the next change asks again; the row stays as it was.
  }
}

export function startSuggestingLabels() {
  void loadEnabled();
  settingsChangedItem.watch(() => void loadEnabled());
  tabConversationsItem.watch((all) => {
    const tab = followedTab.peek();
    const texts = tab ? (all?.[tab.id] ?? []) : [];
    conversationVersion.value = texts.map((entry) => `${entry.at}:${entry.text.length}`).join(',');
  });
  let asked = 0;
  effect(() => {
    const key = requestKey.value;
    // Read to ask again when they change.
    void conversationVersion.value;
    void referenceData.value?.labelGroups;
    const enabled = suggestionsEnabled.value;
    if (!key || !enabled) return;
    const ask = ++asked;
    const { tabId, contacts } = JSON.parse(key) as { tabId: number; contacts: string[] };
    request('labelSuggestions.forTab', { tabId, contacts }).then(
      (reply) => {
        if (ask !== asked) return;
        answer.value = { key, matches: reply.matches };
        if (!reply.enabled) suggestionsEnabled.value = false;
      },
      () => undefined,
    );
  });
}
