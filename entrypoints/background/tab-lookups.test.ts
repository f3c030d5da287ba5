// The owner of each tab's lookup: when a new contact opens, when it is only offered, what the agent's
// choices pin, and how little CRM traffic a page can cause.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from '@/lib/crm/domain';
import { createChoiceMemory } from '@/lib/lookup/choice-memory';
import { createLookupBudget } from '@/lib/lookup/lookup-budget';
import type { ContactRef, TabLookup } from '@/lib/lookup/tab-lookup';
import type { CustomerCard, LookupAnswer } from '@/lib/crm/views';
import type { TabContact } from '@/lib/contacts/tab-contacts';
import { createTabLookups, SETTLE_MS, type PanelFollowing } from './tab-lookups';

const TAB = 7;
const CONNECTION = 'sobot|https://crm.example|app-1';

const card = (id: string, nick: string): CustomerCard => ({ customer: { id, nick, phones: [], emails: [] } as unknown as Customer, labels: [] });
const phone = (digits: string): TabContact => ({ kind: 'phone', value: `+86${digits}`, context: `我的手机 ${digits}`, detectedAt: 0 });
const hidden = (contact: TabContact): TabContact => ({ ...contact, hidden: true });

function setup(options: { answers?: Record<string, CustomerCard[]>; store?: { value: Record<string, TabLookup> }; choices?: Map<string, unknown> } = {}) {
  const answers = options.answers ?? {};
  const store = options.store ?? { value: {} as Record<string, TabLookup> };
  const choices = options.choices ?? new Map<string, unknown>();
  let contacts: TabContact[] = [];
  let panel: PanelFollowing | undefined = { autoLookup: true, busy: false, visible: true };
  const searched: string[] = [];
  /** Answers held back until released, per contact value. */
  const held = new Map<string, () => void>();
  const holding = new Set<string>();
  const lookUp = vi.fn(async (contact: ContactRef) => {
    searched.push(contact.value);
    if (holding.has(contact.value)) await new Promise<void>((resolve) => held.set(contact.value, resolve));
    const cards = answers[contact.value] ?? [];
    const answer: LookupAnswer = { tried: cards.length ? [contact.value] : ['a', 'b', 'c', 'd', 'e'], cards };
    return { answer, requests: answer.tried.length };
  });
  const lookups = createTabLookups({
    store: { getValue: async () => structuredClone(store.value), setValue: async (value) => void (store.value = structuredClone(value)) },
    contactsOf: async () => contacts,
    connectionKey: async () => CONNECTION,
    lookups: {
      lookUp,
      cached: async () => undefined,
      answeredWithin: async () => false,
      customerCard: async (id) => card(id, `客户${id}`),
      checkCustomer: async (id) => ({ card: card(id, `客户${id}`) }),
      rememberCard: async () => undefined,
      forgetCustomer: async () => undefined,
    },
    memory: createChoiceMemory({
      get: async (key) => structuredClone(choices.get(key)) as never,
      put: async (key, value) => void choices.set(key, structuredClone(value)),
    }),
    budget: createLookupBudget(() => Date.now()),
    following: () => panel,
  });
  return {
    lookups,
    store,
    choices,
    searched,
    lookUp,
    state: () => store.value[TAB],
    /** The page reports contacts (newest first, as the background keeps them). */
    async seen(...newestFirst: TabContact[]) {
      contacts = [...newestFirst, ...contacts.filter((old) => !newestFirst.some((c) => c.value === old.value))];
      await lookups.contactsChanged(TAB, contacts);
      await settle();
    },
    async panelIs(next: PanelFollowing | undefined) {
      panel = next;
      await lookups.panelChanged(TAB);
      await settle();
    },
    hold: (value: string) => holding.add(value),
    release: async (value: string) => {
      holding.delete(value);
      held.get(value)?.();
      await settle();
    },
  };
}

/** Lets every pending promise and zero-delay timer run. */
async function settle() {
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0);
}

const shownId = (state: TabLookup | undefined) => (state?.view.status === 'found' ? state.view.selectedId : undefined);

describe('the lookup of a tab', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens a visitor’s contact at once when the agent is not busy in the panel', async () => {
    const tab = setup({ answers: { '+8613812345678': [card('c1', '张伟')] } });
    await tab.seen(phone('13812345678'));
    expect(tab.state()).toMatchObject({ pinned: false, view: { status: 'found', selectedId: 'c1', revalidating: false } });
    expect(tab.state()?.offer).toBeUndefined();
  });

  it('never looks up a contact seen only in text the agent cannot see, even as the newest', async () => {
    const tab = setup({ answers: { '+8613812345678': [card('c1', '张伟')], '+8613912345678': [card('c2', '李娜')] } });
    await tab.seen(phone('13812345678'));
    vi.advanceTimersByTime(SETTLE_MS * 5);
    await tab.seen(hidden(phone('13912345678')));
    vi.advanceTimersByTime(SETTLE_MS * 5);
    await settle();
    expect(tab.searched).toEqual(['+8613812345678']);
    expect(shownId(tab.state())).toBe('c1');
    expect(tab.state()?.offer).toBeUndefined();
  });

  it('offers a new contact while the agent is busy, names it, keeps the card, and opens it once they are done', async () => {
    const tab = setup({ answers: { '+8613812345678': [card('c1', '张伟')], '+8613912345678': [card('c2', '李娜')] } });
    await tab.seen(phone('13812345678'));
    await tab.panelIs({ autoLookup: true, busy: true, visible: true });
    vi.advanceTimersByTime(SETTLE_MS * 5);
    await tab.seen(phone('13912345678'));
    vi.advanceTimersByTime(SETTLE_MS * 6);
    await settle();
    expect(shownId(tab.state())).toBe('c1');
    expect(tab.state()?.offer).toEqual({ contact: { kind: 'phone', value: '+8613912345678' }, context: '我的手机 13912345678', name: '李娜' });

    await tab.panelIs({ autoLookup: true, busy: false, visible: true });
    expect(shownId(tab.state())).toBe('c2');
    expect(tab.state()?.offer).toBeUndefined();
  });

  it('opens the first contact even while the agent is in the panel: there is no card yet to replace', async () => {
    const tab = setup({ answers: { '+8613812345678': [card('c1', '张伟')] } });
    await tab.panelIs({ autoLookup: true, busy: true, visible: true });
    await tab.seen(phone('13812345678'));
    expect(shownId(tab.state())).toBe('c1');
  });

  it('keeps a customer the agent chose: new contacts are offered until the agent follows them again', async () => {
    const tab = setup({ answers: { '+8613812345678': [card('c1', '张伟'), card('c9', '张伟 (公司)')], '+8613912345678': [card('c2', '李娜')] } });
    await tab.seen(phone('13812345678'));
    expect(tab.state()?.view).toMatchObject({ status: 'found', selectedId: undefined });
    await tab.lookups.choose(TAB, 'c9');
    vi.advanceTimersByTime(SETTLE_MS * 5);
    await tab.seen(phone('13912345678'));
    expect(tab.state()).toMatchObject({ pinned: true, offer: { contact: { value: '+8613912345678' } } });
    expect(shownId(tab.state())).toBe('c9');

    await tab.lookups.follow(TAB);
    await settle();
    expect(tab.state()).toMatchObject({ pinned: false });
    expect(shownId(tab.state())).toBe('c2');
  });

  it('opens the customer the agent chose for a shared contact directly the next time, and says so', async () => {
    const answers = { '+8613812345678': [card('c1', '张伟'), card('c9', '张伟 (公司)')], '+8613912345678': [card('c2', '李娜')] };
    const choices = new Map<string, unknown>();
    const first = setup({ answers, choices });
    await first.seen(phone('13812345678'));
    await first.lookups.choose(TAB, 'c9');

    const later = setup({ answers, choices });
    await later.seen(phone('13812345678'));
    expect(later.state()).toMatchObject({ remembered: true, view: { selectedId: 'c9' } });
    // "Not this one?": back to all matches, and forgotten.
    await later.lookups.choose(TAB, undefined);
    const again = setup({ answers, choices });
    await again.seen(phone('13812345678'));
    expect(again.state()).toMatchObject({ remembered: false, view: { selectedId: undefined } });
  });

  it('keeps the pin across a worker restart, since the state lives in session storage', async () => {
    const store = { value: {} as Record<string, TabLookup> };
    const answers = { '+8613812345678': [card('c1', '张伟'), card('c9', '张伟 (公司)')], '+8613912345678': [card('c2', '李娜')] };
    const before = setup({ answers, store });
    await before.seen(phone('13812345678'));
    await before.lookups.choose(TAB, 'c9');

    const restarted = setup({ answers, store });
    vi.advanceTimersByTime(SETTLE_MS * 5);
    await restarted.seen(phone('13912345678'), phone('13812345678'));
    expect(shownId(restarted.state())).toBe('c9');
    expect(restarted.state()).toMatchObject({ pinned: true, offer: { contact: { value: '+8613912345678' } } });
  });

  it('asks nothing, and offers nothing, for a tab no panel follows with auto-lookup on', async () => {
    const tab = setup();
    await tab.panelIs(undefined);
    await tab.seen(phone('13812345678'));
    await tab.panelIs({ autoLookup: false, busy: false, visible: true });
    vi.advanceTimersByTime(SETTLE_MS * 2);
    await tab.seen(phone('13912345678'));
    expect(tab.searched).toEqual([]);
    expect(tab.state()).toBeUndefined();
    // The agent opens the panel with auto-lookup on: the newest contact is looked up then.
    await tab.panelIs({ autoLookup: true, busy: false, visible: true });
    expect(tab.searched).toEqual(['+8613912345678']);
  });

  it('looks up a contact of a burst only once it stayed the newest for a moment', async () => {
    const tab = setup();
    await tab.seen(phone('13800000000'));
    for (let i = 1; i <= 200; i++) {
      vi.advanceTimersByTime(40);
      await tab.seen(phone(`139${String(i).padStart(8, '0')}`));
    }
    // The first came after a quiet moment; the rest never stayed the newest long enough.
    expect(tab.searched).toEqual(['+8613800000000']);
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    await settle();
    expect(tab.searched).toEqual(['+8613800000000', '+8613900000200']);
  });

  it('pauses automatic look-ups once they spent the tab’s budget, and says until when; the agent’s own still go', async () => {
    const tab = setup();
    // Each not-found contact costs five searches; nine of them, a second apart, spend the burst of 40 and
    // the three the steady rate gave back meanwhile.
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(SETTLE_MS);
      await tab.seen(phone(`1380000000${i}`));
    }
    expect(tab.searched).toHaveLength(9);
    expect(tab.state()).toMatchObject({ view: { contact: { value: '+8613800000008' } }, offer: { contact: { value: '+8613800000009' } } });
    expect(tab.state()?.pausedUntil).toBeGreaterThan(Date.now());

    await tab.lookups.openContact(TAB, { kind: 'phone', value: '+8613800000009' });
    expect(tab.searched).toHaveLength(10);
    expect(tab.state()?.view).toMatchObject({ status: 'not-found', contact: { value: '+8613800000009' } });
  });

  it('never lets the answer for a contact the agent left replace the one they opened since', async () => {
    const tab = setup({ answers: { '+8613812345678': [card('c1', '张伟')], '+8613912345678': [card('c2', '李娜')] } });
    tab.hold('+8613812345678');
    void tab.seen(phone('13812345678'));
    await settle();
    expect(tab.state()?.view).toMatchObject({ status: 'loading', contact: { value: '+8613812345678' } });
    await tab.lookups.openContact(TAB, { kind: 'phone', value: '+8613912345678' });
    await tab.release('+8613812345678');
    expect(shownId(tab.state())).toBe('c2');
  });

  it('opens a customer found by a manual search pinned, and puts an edited card in place wherever shown', async () => {
    const tab = setup();
    await tab.lookups.pick(TAB, 'c5');
    expect(tab.state()).toMatchObject({ pinned: true, view: { status: 'found', selectedId: 'c5', cards: [{ customer: { nick: '客户c5' } }] } });
    await tab.lookups.cardChanged(card('c5', '新名字'));
    expect(tab.state()?.view).toMatchObject({ cards: [{ customer: { nick: '新名字' } }] });
  });
});
