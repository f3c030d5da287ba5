// Looking a contact up: answers remembered per connection without making the agent wait for the write,
// one CRM lookup per contact however many ask at once.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Customer } from '@/lib/crm/domain';
import type { LookupAnswer } from '@/lib/crm/views';
import { createContactLookups } from './contact-lookups';
import type { HandlerDependencies } from './handlers/dependencies';
import { createRememberedRecords } from './remembered';

const AT = 1_700_000_000_000;
const CONNECTION = 'sobot|https://crm.example|appid-1';
const contact = { kind: 'phone' as const, value: '+8613812345678' };
const zhang = { id: 'c1', nick: '张伟', phones: ['13812345678'], emails: [], labelIds: [], customFields: [], region: {}, vip: false } as unknown as Customer;

function setup(stored: Record<string, { at: number; answer: LookupAnswer }> = {}) {
  const lookupCache = {
    stored,
    getValue: vi.fn(async () => lookupCache.stored),
    setValue: vi.fn(async (value: typeof stored) => {
      lookupCache.stored = value;
    }),
  };
  const crm = { gate: Promise.resolve() };
  const searchCustomers = vi.fn(async () => {
    await crm.gate;
    return { customers: [zhang], page: 1, pageCount: 1, total: 1 };
  });
  const getCustomer = vi.fn(async () => zhang);
  const deps = {
    session: { backend: async () => ({ searchCustomers, getCustomer }), connectionKey: async () => CONNECTION },
    listCache: { get: (_key: string, load: () => Promise<unknown>) => load() },
    lookupCache,
    now: () => AT,
  } as unknown as HandlerDependencies;
  return { lookupCache, searchCustomers, getCustomer, crm, deps, lookups: createContactLookups(deps, createRememberedRecords()) };
}

describe('looking a contact up', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('answers before the lookup cache is written, and writes it after', async () => {
    const { lookupCache, lookups } = setup();
    const { answer, requests } = await lookups.lookUp(contact);
    expect(answer.cards.map((card) => card.customer.id)).toEqual(['c1']);
    expect(requests).toBe(1);
    expect(lookupCache.setValue).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(lookupCache.setValue).toHaveBeenCalledTimes(1));
    expect(lookupCache.stored).toEqual({ [`${CONNECTION}|phone:+8613812345678`]: { at: AT, answer } });
  });

  it('answers a repeat of the contact from memory while its cache write has not landed', async () => {
    const { lookupCache, lookups } = setup();
    lookupCache.setValue.mockImplementation(() => new Promise(() => undefined));
    const { answer } = await lookups.lookUp(contact);
    expect((await lookups.cached(contact))?.answer).toEqual(answer);
  });

  it('loses only the new entry when the worker stops right after answering', async () => {
    vi.useFakeTimers();
    try {
      const older: LookupAnswer = { tried: ['13900000000'], cards: [] };
      const before = setup({ [`${CONNECTION}|phone:+8613900000000`]: { at: AT - 1, answer: older } });
      await before.lookups.lookUp(contact);
      // The worker stops here: its pending timer never runs; a new worker starts with what is stored.
      const after = createContactLookups(before.deps, createRememberedRecords());
      expect(before.lookupCache.setValue).not.toHaveBeenCalled();
      expect((await after.cached({ kind: 'phone', value: '+8613900000000' }))?.answer).toEqual(older);
      expect(await after.cached(contact)).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks the CRM once for a contact however many ask at the same time, and again once that has settled', async () => {
    const { searchCustomers, crm, lookups } = setup();
    let release!: () => void;
    crm.gate = new Promise((resolve) => (release = resolve));
    const both = Promise.all([lookups.lookUp(contact), lookups.lookUp(contact)]);
    release();
    await both;
    expect(searchCustomers).toHaveBeenCalledTimes(1);
    await lookups.lookUp(contact);
    expect(searchCustomers).toHaveBeenCalledTimes(2);
  });

  it('opens a customer just searched without reading them again, and reads one it never saw', async () => {
    const { getCustomer, lookups } = setup();
    await lookups.keepCards([{ customer: { ...zhang, id: 'c7' }, labels: [] }]);
    expect((await lookups.customerCard('c7')).customer.id).toBe('c7');
    expect(getCustomer).not.toHaveBeenCalled();
    expect((await lookups.customerCard('c1')).customer.nick).toBe('张伟');
    expect(getCustomer).toHaveBeenCalledTimes(1);
  });
});
