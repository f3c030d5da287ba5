// Keeping a tab's card fresh without pushes: when the card is checked against the CRM, what one check
// costs, what a colleague's change or a merge does to the card, and what it never does (switch the
// customer, touch what the agent has open, spend beyond the tab's budget).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from '@/lib/crm/domain';
import { createChoiceMemory } from '@/lib/lookup/choice-memory';
import { createLookupBudget } from '@/lib/lookup/lookup-budget';
import { REVALIDATE_AFTER_MS, revalidationDue, SLOW_REVALIDATION_MS } from '@/lib/lookup/revalidation';
import type { ContactRef, TabLookup } from '@/lib/lookup/tab-lookup';
import type { CustomerCard } from '@/lib/crm/views';
import type { CustomerCheck } from './contact-lookups';
import { createTabLookups, type PanelFollowing } from './tab-lookups';

const TAB = 7;
const OTHER_TAB = 8;
const CONNECTION = 'sobot|https://crm.example|app-1';
const T0 = 1_700_000_000_000;

const card = (id: string, nick: string, updatedAt = T0 - 3_600_000, updatedBy?: string): CustomerCard => ({
  customer: { id, nick, phones: [], emails: [], updatedAt, updatedBy } as unknown as Customer,
  labels: [],
});
const ZHANG = { kind: 'phone', value: '+8613812345678' } as const;
const LI = { kind: 'phone', value: '+8613912345678' } as const;

function setup(options: { perMinute?: number; burst?: number } = {}) {
  const store = { value: {} as Record<string, TabLookup> };
  let panel: PanelFollowing | undefined = { autoLookup: true, busy: false, visible: true };
  /** What the CRM holds for each customer id now; absent: merged away or deleted. */
  const crm = new Map<string, CustomerCard>([
    ['c1', card('c1', '张伟')],
    ['c2', card('c2', '李娜')],
  ]);
  let crmDown = false;
  const checkCustomer = vi.fn(async (id: string): Promise<CustomerCheck> => {
    if (crmDown) throw new Error('unreachable');
    const found = crm.get(id);
    return found ? { card: structuredClone(found) } : { gone: true };
  });
  const forgetCustomer = vi.fn(async (_contact: ContactRef, _id: string) => undefined);
  const customerGone = vi.fn(async (_id: string, _connection: string | undefined) => undefined);
  const answers: Record<string, string> = { [ZHANG.value]: 'c1', [LI.value]: 'c2' };
  const lookups = createTabLookups({
    store: { getValue: async () => structuredClone(store.value), setValue: async (value) => void (store.value = structuredClone(value)) },
    contactsOf: async () => [],
    connectionKey: async () => CONNECTION,
    lookups: {
      lookUp: async (contact) => ({ answer: { tried: [contact.value], cards: [structuredClone(crm.get(answers[contact.value]!)!)] }, requests: 1 }),
      cached: async () => undefined,
      answeredWithin: async () => false,
      customerCard: async (id) => structuredClone(crm.get(id)!),
      checkCustomer,
      rememberCard: async () => undefined,
      forgetCustomer,
    },
    memory: createChoiceMemory({ get: async () => undefined, put: async () => undefined }),
    budget: createLookupBudget(() => Date.now(), options.perMinute ?? 20, options.burst ?? 40),
    following: () => panel,
    customerGone,
  });
  return {
    lookups,
    crm,
    checkCustomer,
    forgetCustomer,
    customerGone,
    state: (tabId = TAB) => store.value[tabId],
    crmIsDown: (down: boolean) => void (crmDown = down),
    async panelIs(next: PanelFollowing | undefined) {
      panel = next;
      await lookups.panelChanged(TAB);
    },
  };
}

const viewOf = (state: TabLookup | undefined) => {
  if (state?.view.status !== 'found') throw new Error(`no card on screen: ${state?.view.status}`);
  return state.view;
};
const shownCard = (state: TabLookup | undefined) => {
  const view = viewOf(state);
  return view.cards.find((shown) => shown.customer.id === view.selectedId)!;
};

describe('the revalidation rules', () => {
  it('asks again only once the card is older than each reason’s threshold; after the agent’s own write, always', () => {
    const checkedAt = T0;
    expect(revalidationDue('shown', checkedAt, T0 + REVALIDATE_AFTER_MS.shown - 1)).toBe(false);
    expect(revalidationDue('shown', checkedAt, T0 + REVALIDATE_AFTER_MS.shown)).toBe(true);
    expect(revalidationDue('tab', checkedAt, T0 + 14_000)).toBe(false);
    expect(revalidationDue('editor', checkedAt, T0 + 20_000)).toBe(false);
    expect(revalidationDue('editor', checkedAt, T0 + 30_000)).toBe(true);
    expect(revalidationDue('timer', checkedAt, T0 + SLOW_REVALIDATION_MS - 1)).toBe(false);
    expect(revalidationDue('write', checkedAt, T0)).toBe(true);
    expect(revalidationDue('shown', undefined, T0)).toBe(true);
  });
});

describe('keeping the card fresh', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('costs one read when nothing changed, keeps the card as it is, and asks nothing more while it is fresh', async () => {
    const tab = setup();
    await tab.lookups.openContact(TAB, ZHANG);
    const before = structuredClone(tab.state());
    vi.setSystemTime(T0 + 20_000);
    await tab.lookups.revalidate(TAB, 'shown');
    expect(tab.checkCustomer).toHaveBeenCalledTimes(1);
    expect(tab.checkCustomer).toHaveBeenCalledWith('c1');
    expect(shownCard(tab.state())).toEqual(shownCard(before));
    expect(viewOf(tab.state()).checkedAt).toBe(T0 + 20_000);
    await tab.lookups.revalidate(TAB, 'tab');
    await tab.lookups.revalidate(TAB, 'editor');
    expect(tab.checkCustomer).toHaveBeenCalledTimes(1);
  });

  it('puts a colleague’s change in place: the same customer, newer, wherever shown, with the pin and an offer left alone', async () => {
    const tab = setup();
    await tab.lookups.openContact(TAB, ZHANG);
    await tab.lookups.openContact(OTHER_TAB, ZHANG);
    vi.setSystemTime(T0 + 60_000);
    tab.crm.set('c1', card('c1', '张伟（大客户）', T0 + 30_000, '王斌'));
    await tab.lookups.revalidate(TAB, 'shown');
    for (const tabId of [TAB, OTHER_TAB]) {
      expect(viewOf(tab.state(tabId))).toMatchObject({ selectedId: 'c1', contact: ZHANG });
      expect(shownCard(tab.state(tabId)).customer).toMatchObject({ id: 'c1', nick: '张伟（大客户）', updatedAt: T0 + 30_000, updatedBy: '王斌' });
    }
    expect(tab.state()?.pinned).toBe(true);
    expect(tab.checkCustomer).toHaveBeenCalledTimes(1);
  });

  it('never switches the card to another customer: an answer for the customer the agent left changes nothing', async () => {
    const tab = setup();
    await tab.lookups.openContact(TAB, ZHANG);
    vi.setSystemTime(T0 + 60_000);
    let answer!: (check: CustomerCheck) => void;
    tab.checkCustomer.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const checking = tab.lookups.revalidate(TAB, 'shown');
    await vi.waitFor(() => expect(tab.checkCustomer).toHaveBeenCalled());
    await tab.lookups.openContact(TAB, LI);
    answer({ card: card('c1', '张伟', T0 + 50_000, '王斌') });
    await checking;
    expect(viewOf(tab.state())).toMatchObject({ selectedId: 'c2', contact: LI });
    expect(shownCard(tab.state()).customer.nick).toBe('李娜');
  });

  it('says a merged or deleted customer is gone, drops what is remembered of them and fails their queued writes, and asks no more', async () => {
    const tab = setup();
    await tab.lookups.openContact(TAB, ZHANG);
    tab.crm.delete('c1');
    vi.setSystemTime(T0 + 60_000);
    await tab.lookups.revalidate(TAB, 'editor');
    expect(viewOf(tab.state())).toMatchObject({ selectedId: 'c1', gone: ['c1'] });
    expect(tab.forgetCustomer).toHaveBeenCalledWith(ZHANG, 'c1');
    expect(tab.customerGone).toHaveBeenCalledWith('c1', CONNECTION);
    vi.setSystemTime(T0 + 10 * 60_000);
    await tab.lookups.revalidate(TAB, 'shown');
    expect(tab.checkCustomer).toHaveBeenCalledTimes(1);
    // Looking the contact up again is the agent's choice; the gone mark goes with the old answer.
    tab.crm.set('c1', card('c2', '李娜'));
    await tab.lookups.retry(TAB);
    expect(viewOf(tab.state()).gone).toBeUndefined();
  });

  it('keeps the card when the CRM cannot be asked, and asks again at the next reason', async () => {
    const tab = setup();
    await tab.lookups.openContact(TAB, ZHANG);
    tab.crmIsDown(true);
    vi.setSystemTime(T0 + 60_000);
    await tab.lookups.revalidate(TAB, 'shown');
    expect(viewOf(tab.state())).toMatchObject({ selectedId: 'c1', checkedAt: T0 });
    expect(viewOf(tab.state()).gone).toBeUndefined();
    tab.crmIsDown(false);
    await tab.lookups.revalidate(TAB, 'tab');
    expect(tab.checkCustomer).toHaveBeenCalledTimes(2);
  });

  it('spends the tab’s look-up budget and stops when it is spent; the check after the agent’s own write still goes', async () => {
    const tab = setup({ perMinute: 1, burst: 1 });
    await tab.lookups.openContact(TAB, ZHANG);
    vi.setSystemTime(T0 + 20_000);
    await tab.lookups.revalidate(TAB, 'shown');
    vi.setSystemTime(T0 + 40_000);
    await tab.lookups.revalidate(TAB, 'shown');
    expect(tab.checkCustomer).toHaveBeenCalledTimes(1);
    tab.crm.set('c1', card('c1', '张伟', T0 + 39_000, '系统管理员'));
    await tab.lookups.customerWritten('c1');
    expect(tab.checkCustomer).toHaveBeenCalledTimes(2);
    expect(shownCard(tab.state()).customer.updatedAt).toBe(T0 + 39_000);
  });

  it('checks on the slow timer while a panel shows the tab, and not while it is hidden', async () => {
    const tab = setup();
    await tab.lookups.openContact(TAB, ZHANG);
    await tab.panelIs({ autoLookup: true, busy: true, visible: true });
    await vi.advanceTimersByTimeAsync(SLOW_REVALIDATION_MS - 1_000);
    expect(tab.checkCustomer).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(tab.checkCustomer).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(SLOW_REVALIDATION_MS);
    expect(tab.checkCustomer).toHaveBeenCalledTimes(2);
    await tab.panelIs({ autoLookup: true, busy: false, visible: false });
    await vi.advanceTimersByTimeAsync(SLOW_REVALIDATION_MS * 3);
    expect(tab.checkCustomer).toHaveBeenCalledTimes(2);
  });
});
