// The one owner of "the lookup of tab T": which customer the panel shows for each tab, whether the agent
// pinned it, the newest contact waiting for the agent's go-ahead, and the throttle that keeps a page from
// driving CRM traffic. Published whole in session storage (tabLookupsItem), which open panels watch;
// panels send intents (open a contact, choose a match, follow new contacts) and never decide themselves.
//
// The rules that keep the agent's hands safe:
// - a newly detected contact replaces the card only when the tab is followed by a panel with auto-lookup
//   on, the agent is not busy in that panel, and the card was not chosen by the agent (pinned); else it
//   is offered (with no card on screen yet, it opens: nothing is replaced);
// - text the agent cannot see never drives a lookup (only visible contacts count as the newest);
// - a contact must be the newest for SETTLE_MS before it is looked up by itself, unless it came after a
//   quiet moment (a visitor's number in a calm conversation is looked up at once);
// - automatic look-ups spend a per-tab budget of CRM requests; manual ones never wait for it;
// - the card is checked again (lib/lookup/revalidation.ts) when the panel shows it again, the agent comes back
//   to the tab, before an editor opens and on a slow timer: one read within the budget, the same
//   customer's newer card in place, never another customer.
// Only the background imports it.
import { serializeError } from '@/lib/crm/errors';
import type { ChoiceMemory } from '@/lib/lookup/choice-memory';
import type { LookupBudget } from '@/lib/lookup/lookup-budget';
import { nextTimerCheck, revalidationDue, spendsBudget, type RevalidationReason } from '@/lib/lookup/revalidation';
import { IDLE_LOOKUP, sameContact, selectedGone, viewContact, type ContactRef, type LookupView, type TabLookup } from '@/lib/lookup/tab-lookup';
import type { CustomerCard, LookupAnswer } from '@/lib/crm/views';
import type { TabContact } from '@/lib/contacts/tab-contacts';
import type { ContactLookups } from './contact-lookups';
import type { Item } from '@/lib/storage';

/** How long a contact must stay the newest before it is looked up by itself, when others came just before it. */
export const SETTLE_MS = 1_000;
/** An answer younger than this is shown again without asking the CRM, for look-ups nobody asked for. */
export const FRESH_FOR_AUTOMATIC_MS = 5_000;

export interface PanelFollowing {
  autoLookup: boolean;
  /** The agent is in the panel or in the middle of something there. */
  busy: boolean;
  /** A panel following the tab is on screen (not hidden behind another or minimised). */
  visible: boolean;
}

export interface TabLookupsDependencies {
  store: Item<Record<string, TabLookup>>;
  contactsOf(tabId: number): Promise<TabContact[]>;
  connectionKey(): Promise<string | undefined>;
  lookups: Pick<ContactLookups, 'lookUp' | 'cached' | 'customerCard' | 'answeredWithin' | 'checkCustomer' | 'rememberCard' | 'forgetCustomer'>;
  memory: ChoiceMemory;
  budget: LookupBudget;
  /** How the open panels follow the tab, if one does. */
  following(tabId: number): PanelFollowing | undefined;
  /** The CRM no longer has the customer: their queued writes fail for good (the outbox). */
  customerGone?(customerId: string, connection: string | undefined): Promise<void>;
  now?: () => number;
}

const contactKey = (contact: ContactRef) => `${contact.kind}:${contact.value}`;
const refOf = ({ kind, value }: ContactRef): ContactRef => ({ kind, value });

/** The view an answer gives: one match is chosen; of several, the one remembered or kept, else none. */
function viewOf(contact: ContactRef, answer: LookupAnswer, revalidating: boolean, prefer: (string | undefined)[], checkedAt: number): LookupView {
  if (answer.cards.length === 0) return { status: 'not-found', contact, tried: answer.tried };
  const ids = answer.cards.map((card) => card.customer.id);
  const selectedId = ids.length === 1 ? ids[0] : prefer.find((id) => id !== undefined && ids.includes(id));
  return { status: 'found', contact, cards: answer.cards, selectedId, revalidating, checkedAt };
}

/** The view with the CRM's newer card of the same customer in place, confirmed at `at`; any other view as it is. */
function withCard(view: LookupView, card: CustomerCard, at: number): LookupView {
  if (view.status !== 'found' || !view.cards.some((shown) => shown.customer.id === card.customer.id)) return view;
  const cards = view.cards.map((shown) => (shown.customer.id === card.customer.id ? card : shown));
  return { ...view, cards, checkedAt: view.selectedId === card.customer.id ? at : view.checkedAt };
}

export function createTabLookups(deps: TabLookupsDependencies) {
  const now = deps.now ?? Date.now;
  const states = new Map<number, TabLookup>();
  let loaded: Promise<void> | undefined;
  /** The newest visible contact of each tab, since when, and whether it came after a quiet moment. */
  const newest = new Map<number, { key: string; at: number; quiet: boolean }>();
  /** The contact the agent waved away in each tab: not offered again while it stays the newest. */
  const dismissed = new Map<number, string>();
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  /** Each followed tab's slow revalidation timer, while a panel shows it. */
  const revalidationTimers = new Map<number, ReturnType<typeof setTimeout>>();
  /** Each tab's current open: an answer for an older one changes nothing. */
  const openTokens = new Map<number, number>();
  let tokens = 0;

  const load = () =>
    (loaded ??= deps.store.getValue().then(
      (all) => {
        for (const [tabId, state] of Object.entries(all)) if (!states.has(Number(tabId))) states.set(Number(tabId), state);
      },
      () => undefined,
    ));

  // Writes coalesce: each writes the whole record as it is when it runs, so a burst of changes costs one.
  let writing: Promise<void> = Promise.resolve();
  let queued = 0;
  function persist(): Promise<void> {
    queued += 1;
    writing = writing.then(async () => {
      queued -= 1;
      if (queued > 0) return;
      await deps.store.setValue(Object.fromEntries(states)).catch(() => undefined);
    });
    return writing;
  }

  /** The tab's state for the connection now; one made for another CRM counts as nothing. */
  async function stateOf(tabId: number): Promise<TabLookup> {
    await load();
    const connection = await deps.connectionKey();
    const state = states.get(tabId);
    return state && state.connection === connection ? state : { ...IDLE_LOOKUP, connection };
  }

  /** Changes one tab's state and publishes it. The edit runs on the state as it is now, synchronously. */
  async function change(tabId: number, edit: (state: TabLookup) => TabLookup): Promise<void> {
    const state = await stateOf(tabId);
    // Re-read after the await: another change may have landed meanwhile.
    const latest = states.get(tabId)?.connection === state.connection ? (states.get(tabId) ?? state) : state;
    const next = edit(latest);
    if (next === latest) return;
    states.set(tabId, next);
    await persist();
  }

  const isCurrent = (tabId: number, token: number) => openTokens.get(tabId) === token;

  /** Shows `contact` in the tab: the remembered answer at once, then the CRM's. */
  async function open(tabId: number, contact: ContactRef, how: { automatic: boolean; pinned: boolean }): Promise<void> {
    const token = ++tokens;
    openTokens.set(tabId, token);
    contact = refOf(contact);
    const fresh = how.automatic && (await deps.lookups.answeredWithin(contact, FRESH_FOR_AUTOMATIC_MS));
    // The CRM is asked first, the remembered answer and choice read while it answers.
    const asked = fresh ? undefined : deps.lookups.lookUp(contact);
    asked?.catch(() => undefined);
    const connection = await deps.connectionKey();
    const [cached, choice] = await Promise.all([
      deps.lookups.cached(contact).catch(() => undefined),
      connection ? deps.memory.recall(connection, contact).catch(() => undefined) : undefined,
    ]);
    const shown = (state: TabLookup, answer: LookupAnswer, revalidating: boolean, at: number): TabLookup => {
      const kept = state.view.status === 'found' && sameContact(state.view.contact, contact) ? state.view.selectedId : undefined;
      const view = viewOf(contact, answer, revalidating, [choice, kept], at);
      const remembered = view.status === 'found' && answer.cards.length > 1 && view.selectedId !== undefined && view.selectedId === choice;
      return { ...state, view, remembered };
    };
    await change(tabId, (state) => {
      if (!isCurrent(tabId, token)) return state;
      const base: TabLookup = {
        ...state,
        connection,
        pinned: how.pinned,
        offer: sameContact(state.offer?.contact, contact) ? undefined : state.offer,
        remembered: false,
      };
      return cached ? shown(base, cached.answer, Boolean(asked), cached.at) : { ...base, view: { status: 'loading', contact } };
    });
    if (!asked) return;
    try {
      const { answer, requests } = await asked;
      if (how.automatic) deps.budget.spend(tabId, requests);
      await change(tabId, (state) => (isCurrent(tabId, token) ? shown(state, answer, false, now()) : state));
      armTimer(tabId);
    } catch (error) {
      await change(tabId, (state) => {
        if (!isCurrent(tabId, token)) return state;
        // A remembered card stays on screen when revalidation fails: the agent still sees who it is.
        if (state.view.status === 'found') return { ...state, view: { ...state.view, revalidating: false } };
        const { code, message } = serializeError(error);
        return { ...state, view: { status: 'error', contact, error: { code, message } } };
      });
    }
  }

  /** Offers the contact instead of opening it, and looks it up ahead (within the budget) to name it. */
  async function offer(tabId: number, contact: TabContact, pausedUntil?: number): Promise<void> {
    const ref = refOf(contact);
    let isNew = false;
    await change(tabId, (state) => {
      if (sameContact(state.offer?.contact, ref) && state.pausedUntil === pausedUntil) return state;
      isNew = !sameContact(state.offer?.contact, ref);
      return { ...state, offer: isNew ? { contact: ref, context: contact.context } : state.offer, pausedUntil };
    });
    if (!isNew || pausedUntil !== undefined || !deps.budget.allows(tabId)) return;
    const cached = await deps.lookups.cached(ref).catch(() => undefined);
    let answer = cached && now() - cached.at < FRESH_FOR_AUTOMATIC_MS ? cached.answer : undefined;
    if (!answer) {
      const outcome = await deps.lookups.lookUp(ref).catch(() => undefined);
      if (!outcome) return;
      deps.budget.spend(tabId, outcome.requests);
      answer = outcome.answer;
    }
    const only = answer.cards.length === 1 ? answer.cards[0]!.customer : undefined;
    const name = only && (only.nick || only.realName);
    if (!name) return;
    await change(tabId, (state) => (sameContact(state.offer?.contact, ref) ? { ...state, offer: { ...state.offer!, name } } : state));
  }

  function wakeAt(tabId: number, at: number) {
    clearTimeout(timers.get(tabId));
    timers.set(
      tabId,
      setTimeout(() => void evaluate(tabId), Math.max(0, at - now())),
    );
  }

  /** Decides what the tab's newest visible contact does: nothing, wait, get offered, or open. */
  async function evaluate(tabId: number, known?: TabContact[]): Promise<void> {
    const contacts = known ?? (await deps.contactsOf(tabId));
    const target = contacts.find((contact) => !contact.hidden);
    const state = await stateOf(tabId);
    const onScreen = viewContact(state.view);
    const panel = deps.following(tabId);
    if (!target || sameContact(target, onScreen)) {
      // What was offered is on screen now, or gone from the page's list.
      if (state.offer && (sameContact(state.offer.contact, onScreen) || !contacts.some((contact) => sameContact(contact, state.offer!.contact)))) {
        await change(tabId, (latest) => ({ ...latest, offer: undefined }));
      }
      return;
    }
    // Nothing is asked, or offered, for a tab no panel follows with auto-lookup on.
    if (!panel?.autoLookup || dismissed.get(tabId) === contactKey(target)) return;
    const since = newest.get(tabId);
    if (since?.key === contactKey(target) && !since.quiet && now() < since.at + SETTLE_MS) return wakeAt(tabId, since.at + SETTLE_MS);
    // With nothing on screen yet, opening the contact takes nothing from under the agent's hands.
    if (state.pinned || (panel.busy && state.view.status !== 'idle')) return offer(tabId, target);
    if (!deps.budget.allows(tabId)) {
      const resumesAt = deps.budget.resumesAt(tabId) ?? now() + SETTLE_MS;
      wakeAt(tabId, resumesAt);
      return offer(tabId, target, resumesAt);
    }
    return open(tabId, target, { automatic: true, pinned: false });
  }

  /** Applies `edit` to the view of every tab that shows the customer. */
  async function everywhere(customerId: string, edit: (view: LookupView) => LookupView): Promise<void> {
    await load();
    for (const tabId of [...states.keys()]) {
      await change(tabId, (state) =>
        state.view.status === 'found' && state.view.cards.some((shown) => shown.customer.id === customerId) ? { ...state, view: edit(state.view) } : state,
      );
    }
  }

  /**
   * Asks the CRM about the customer chosen on the tab's card, when `reason` makes it due: one read of
   * the record. The same customer's newer card takes the old one's place wherever shown; a customer the
   * CRM no longer has is marked so, forgotten and their queued writes failed. It never opens another
   * customer, and leaves what the agent has open (drafts, editors, confirmations: all keyed by the same
   * customer id) alone.
   */
  async function revalidate(tabId: number, reason: RevalidationReason): Promise<void> {
    const state = await stateOf(tabId);
    const { view, connection } = state;
    if (view.status !== 'found' || view.selectedId === undefined || selectedGone(view)) return;
    if (!revalidationDue(reason, view.checkedAt, now())) return;
    if (spendsBudget(reason)) {
      if (!deps.budget.allows(tabId)) return;
      deps.budget.spend(tabId, 1);
    }
    const customerId = view.selectedId;
    const before = view.cards.find((card) => card.customer.id === customerId)!;
    const check = await deps.lookups.checkCustomer(customerId).catch(() => undefined);
    // The CRM could not be asked: the card stays as it was, and the next reason asks again.
    if (!check) return;
    const at = now();
    if (check.gone) {
      await everywhere(customerId, (shown) =>
        shown.status === 'found' && !shown.gone?.includes(customerId) ? { ...shown, gone: [...(shown.gone ?? []), customerId] } : shown,
      );
      await deps.lookups.forgetCustomer(view.contact, customerId).catch(() => undefined);
      await deps.customerGone?.(customerId, connection).catch(() => undefined);
      return;
    }
    // The update time first: only when it moved is the card replaced (and the panel reads the stage again).
    const moved = check.card.customer.updatedAt !== before.customer.updatedAt;
    if (moved) {
      await everywhere(customerId, (shown) => withCard(shown, check.card, at));
      await deps.lookups.rememberCard(view.contact, check.card).catch(() => undefined);
    } else {
      await change(tabId, (latest) =>
        latest.view.status === 'found' && latest.view.selectedId === customerId ? { ...latest, view: { ...latest.view, checkedAt: at } } : latest,
      );
    }
  }

  /** Checks the tab's card again on the slow timer while a panel shows the tab; stops when none does. */
  function armTimer(tabId: number): void {
    clearTimeout(revalidationTimers.get(tabId));
    revalidationTimers.delete(tabId);
    if (!deps.following(tabId)?.visible) return;
    const view = states.get(tabId)?.view;
    if (view?.status !== 'found' || view.selectedId === undefined || selectedGone(view)) return;
    const at = nextTimerCheck(view.checkedAt, now());
    revalidationTimers.set(
      tabId,
      setTimeout(
        () => {
          revalidationTimers.delete(tabId);
          void revalidate(tabId, 'timer').finally(() => armTimer(tabId));
        },
        Math.max(0, at - now()),
      ),
    );
  }

  return {
    /** The tab's contacts changed: note when its newest visible contact changed, then decide. */
    contactsChanged(tabId: number, contacts: TabContact[]): Promise<void> {
      const target = contacts.find((contact) => !contact.hidden);
      if (target) {
        const key = contactKey(target);
        const before = newest.get(tabId);
        if (before?.key !== key) newest.set(tabId, { key, at: now(), quiet: !before || now() - before.at >= SETTLE_MS });
      }
      return evaluate(tabId, contacts);
    },

    /** A panel started or stopped following the tab, or the agent's busy state or its visibility there changed. */
    async panelChanged(tabId: number): Promise<void> {
      await evaluate(tabId);
      armTimer(tabId);
    },

    /** The panel asks for the card to be checked: shown again, the agent back on the tab, or before an editor opens. */
    async revalidate(tabId: number, reason: Exclude<RevalidationReason, 'timer' | 'write'>): Promise<void> {
      await revalidate(tabId, reason);
      armTimer(tabId);
    },

    /** One of the agent's writes for the customer landed or was refused: every tab showing them reads them again. */
    async customerWritten(customerId: string): Promise<void> {
      await load();
      const showing = [...states.entries()].filter(([, state]) => state.view.status === 'found' && state.view.selectedId === customerId);
      // One read serves every tab: the check is joined, and the newer card goes wherever the customer is shown.
      await Promise.all(showing.map(([tabId]) => revalidate(tabId, 'write')));
    },

    /** The agent opens a contact: a chip, a selection, or the offered one ("Switch", which follows on). */
    openContact(tabId: number, contact: ContactRef, follow = false): Promise<void> {
      dismissed.delete(tabId);
      return open(tabId, contact, { automatic: false, pinned: !follow });
    },

    /** The agent looks the contact on screen up again. */
    async retry(tabId: number): Promise<void> {
      const state = await stateOf(tabId);
      const contact = viewContact(state.view);
      if (contact) await open(tabId, contact, { automatic: false, pinned: state.pinned });
    },

    /** The agent chooses one of several matches (and so pins it, and remembers it), or goes back to all. */
    async choose(tabId: number, customerId: string | undefined): Promise<void> {
      const state = await stateOf(tabId);
      if (state.view.status !== 'found') return;
      const { contact, cards } = state.view;
      if (customerId !== undefined && !cards.some((card) => card.customer.id === customerId)) return;
      await change(tabId, (latest) =>
        latest.view.status === 'found' && sameContact(latest.view.contact, contact)
          ? { ...latest, view: { ...latest.view, selectedId: customerId }, pinned: latest.pinned || customerId !== undefined, remembered: false }
          : latest,
      );
      if (!state.connection || cards.length < 2) return;
      if (customerId !== undefined) await deps.memory.remember(state.connection, contact, customerId);
      else if (state.remembered) await deps.memory.forget(state.connection, contact);
    },

    /** The agent opens a customer found by a manual search, or just created: pinned to the tab. */
    async pick(tabId: number, customerId: string): Promise<void> {
      const token = ++tokens;
      openTokens.set(tabId, token);
      const card = await deps.lookups.customerCard(customerId);
      const { phones, emails, nick } = card.customer;
      const contact: ContactRef = phones[0] ? { kind: 'phone', value: phones[0] } : { kind: 'email', value: emails[0] ?? nick };
      const connection = await deps.connectionKey();
      await change(tabId, (state) =>
        isCurrent(tabId, token)
          ? {
              ...state,
              connection,
              pinned: true,
              remembered: false,
              view: { status: 'found', contact, cards: [card], selectedId: customerId, revalidating: false, checkedAt: now() },
            }
          : state,
      );
    },

    /** The agent lets the tab follow new contacts again. */
    async follow(tabId: number): Promise<void> {
      dismissed.delete(tabId);
      newest.delete(tabId);
      await change(tabId, (state) => (state.pinned ? { ...state, pinned: false } : state));
      await evaluate(tabId);
    },

    /** The agent waves the offered contact away. */
    async dismiss(tabId: number): Promise<void> {
      const state = await stateOf(tabId);
      if (!state.offer) return;
      dismissed.set(tabId, contactKey(state.offer.contact));
      await change(tabId, (latest) => ({ ...latest, offer: undefined }));
    },

    /** The CRM's newer version of a customer (after an edit or an assignment) replaces it wherever shown. */
    async cardChanged(card: CustomerCard): Promise<void> {
      await load();
      await everywhere(card.customer.id, (view) => withCard(view, card, now()));
    },

    /** The tab closed: nothing about it is kept. */
    async forgetTab(tabId: number): Promise<void> {
      await load();
      clearTimeout(timers.get(tabId));
      clearTimeout(revalidationTimers.get(tabId));
      for (const map of [timers, revalidationTimers, newest, dismissed, openTokens]) map.delete(tabId);
      deps.budget.forget(tabId);
      if (states.delete(tabId)) await persist();
    },
  };
}

export type TabLookups = ReturnType<typeof createTabLookups>;
