// The lookup on screen: which contact is being looked up and what the CRM said. Only the newest request
// may change the state, so a slow answer for an old contact never replaces the current one.
import { computed, effect, signal } from '@preact/signals';
import { request, RequestError } from '@/lib/messaging/client';
import type { CustomerCard, LookupAnswer, TabContact } from '@/lib/messaging/protocol';
import { newestContact } from './contacts';
import { autoLookupOn } from './settings';

export type LookupState =
  | { status: 'idle' }
  | { status: 'loading'; contact: Pick<TabContact, 'kind' | 'value'> }
  | { status: 'found'; contact: Pick<TabContact, 'kind' | 'value'>; cards: CustomerCard[]; selectedId: string | undefined; revalidating: boolean }
  | { status: 'not-found'; contact: Pick<TabContact, 'kind' | 'value'>; tried: string[] }
  | { status: 'error'; contact: Pick<TabContact, 'kind' | 'value'>; error: RequestError };

export const lookupState = signal<LookupState>({ status: 'idle' });

/**
 * The value of the contact being looked up. The panel's frame reads this rather than the whole state,
 * so the answer arriving re-renders only the result, not the page around it, before the card shows.
 */
export const lookedUpValue = computed(() => {
  const state = lookupState.value;
  return state.status === 'idle' ? undefined : state.contact.value;
});
let sequence = 0;

function stateFor(contact: Pick<TabContact, 'kind' | 'value'>, answer: LookupAnswer, revalidating: boolean, keepSelection?: string): LookupState {
  if (answer.cards.length === 0) return { status: 'not-found', contact, tried: answer.tried };
  const only = answer.cards.length === 1 ? answer.cards[0]!.customer.id : undefined;
  const kept = answer.cards.some((card) => card.customer.id === keepSelection) ? keepSelection : undefined;
  return { status: 'found', contact, cards: answer.cards, selectedId: only ?? kept, revalidating };
}

/** Shows the last known answer at once when there is one, and the CRM's answer when it arrives. */
export async function lookUp(contact: Pick<TabContact, 'kind' | 'value'>) {
  const mine = ++sequence;
  lookupState.value = { status: 'loading', contact };
  const fresh = request('customer.lookup', { kind: contact.kind, value: contact.value });
  // Handled below, after the cached answer; this only keeps an early failure from going unhandled meanwhile.
  fresh.catch(() => undefined);
  const cached = await request('customer.cached', { kind: contact.kind, value: contact.value }).catch(() => null);
  if (cached && mine === sequence && lookupState.value.status === 'loading') {
    lookupState.value = stateFor(contact, cached, true);
  }
  try {
    const answer = await fresh;
    if (mine !== sequence) return;
    const shown = lookupState.value;
    const next = stateFor(contact, answer, false, shown.status === 'found' ? shown.selectedId : undefined);
    // The CRM confirming the cards on screen keeps them as they are, so what is read per card (its stage)
    // is not asked for again. It happens whenever the answer came from a lookup the background started
    // ahead: it is remembered by the time the panel asks for the cached one.
    const confirmed = shown.status === 'found' && next.status === 'found' && JSON.stringify(shown.cards) === JSON.stringify(next.cards);
    lookupState.value = confirmed ? { ...next, cards: shown.cards } : next;
  } catch (error) {
    if (mine !== sequence) return;
    const failure = error instanceof RequestError ? error : new RequestError('internal', String(error));
    const shown = lookupState.value;
    // A cached card stays on screen when revalidation fails; the agent still sees who it is.
    if (shown.status === 'found') lookupState.value = { ...shown, revalidating: false };
    else lookupState.value = { status: 'error', contact, error: failure };
  }
}

/** Shows one customer picked elsewhere (manual search), as if a lookup had found only them. */
export function showCard(card: CustomerCard) {
  sequence += 1;
  const contact = card.customer.phones[0]
    ? { kind: 'phone' as const, value: card.customer.phones[0] }
    : { kind: 'email' as const, value: card.customer.emails[0] ?? card.customer.nick };
  lookupState.value = { status: 'found', contact, cards: [card], selectedId: card.customer.id, revalidating: false };
}

/** Puts the CRM's latest version of a customer in place of the one on screen. */
export function replaceCard(card: CustomerCard) {
  const state = lookupState.value;
  if (state.status !== 'found') return;
  lookupState.value = { ...state, cards: state.cards.map((shown) => (shown.customer.id === card.customer.id ? card : shown)) };
}

export function selectCustomer(customerId: string | undefined) {
  const state = lookupState.value;
  if (state.status === 'found') lookupState.value = { ...state, selectedId: customerId };
}

/** Looks the newest contact up by itself when the setting allows and the contact is new. */
export function startAutoLookup() {
  let lastLookedUp: string | undefined;
  effect(() => {
    const contact = newestContact.value;
    if (!contact || !autoLookupOn.value) return;
    const key = `${contact.kind}:${contact.value}`;
    if (key === lastLookedUp) return;
    lastLookedUp = key;
    void lookUp(contact);
  });
}
