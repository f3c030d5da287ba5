import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Customer, Stage, TimelineEvent } from '@/lib/crm/domain';
import type { LookupAnswer } from '@/lib/messaging/protocol';
import { stageCacheItem } from '@/lib/storage';
import { customerHandlers } from './customers';
import type { HandlerDependencies } from './dependencies';

const STAGES: Stage[] = [
  { id: 's-new', name: '初步接洽', order: 1 },
  { id: 's-intent', name: '意向确定', order: 2 },
];
const UPDATED_AT = 1_700_000_000_000;
const fromPage = { sender: 'extension-page' as const };
const contact = { kind: 'phone' as const, value: '+8613812345678' };
const zhang = { id: 'c1', nick: '张伟', phones: ['13812345678'], emails: [], labelIds: [], customFields: [], region: {}, vip: false } as unknown as Customer;

const stageChange = (to: string, at: number): TimelineEvent => ({ id: `e-${at}`, kind: 'stage', rawType: 'user_stage_update', at, stage: { to } });

function setup() {
  const clock = { now: UPDATED_AT + 5_000 };
  const connection = { key: 'sobot|https://crm.example|appid-1' };
  const stageOf = new Map<string, string>();
  const listTimeline = vi.fn(async (customerId: string) => ({ events: [stageChange(stageOf.get(customerId) ?? '初步接洽', 1)], pageCount: 1 }));
  const deps = {
    session: {
      backend: async () => ({ listTimeline, listStages: async () => STAGES }),
      connectionKey: async () => connection.key,
    },
    reference: { get: (_key: string, load: () => Promise<unknown>) => load() },
    lookupCache: { getValue: async () => ({}), setValue: async () => undefined },
    now: () => clock.now,
  } as unknown as HandlerDependencies;
  const handlers = customerHandlers(deps).handlers;
  /** Asks for the stage and waits until what the handler remembers is stored. */
  async function stage(customerId: string, updatedAt?: number) {
    const answer = await handlers['customer.stage']({ customerId, updatedAt }, fromPage);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return answer;
  }
  return { clock, connection, stageOf, listTimeline, stage };
}

describe('the stage of a customer', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is answered without a timeline read when it was read for the same update time', async () => {
    const { clock, stageOf, listTimeline, stage } = setup();
    stageOf.set('c1', '意向确定');
    const first = await stage('c1', UPDATED_AT);
    clock.now += 60_000;
    const again = await stage('c1', UPDATED_AT);
    expect(listTimeline).toHaveBeenCalledTimes(1);
    expect(again).toEqual(first);
    expect(again).toMatchObject({ stage: STAGES[1], readAt: UPDATED_AT + 5_000 });
  });

  it('is read again once the update time moved, as a stage change moves it', async () => {
    const { clock, stageOf, listTimeline, stage } = setup();
    await stage('c1', UPDATED_AT);
    stageOf.set('c1', '意向确定');
    clock.now += 60_000;
    const moved = await stage('c1', UPDATED_AT + 30_000);
    expect(listTimeline).toHaveBeenCalledTimes(2);
    expect(moved).toMatchObject({ stage: STAGES[1], readAt: UPDATED_AT + 65_000 });
  });

  it('is read again when the first read fell in the same second as the last update', async () => {
    const { clock, listTimeline, stage } = setup();
    // A second change in that second would leave the update time where it is.
    clock.now = UPDATED_AT + 999;
    await stage('c1', UPDATED_AT);
    clock.now = UPDATED_AT + 1_000;
    await stage('c1', UPDATED_AT);
    expect(listTimeline).toHaveBeenCalledTimes(2);
    clock.now = UPDATED_AT + 2_000;
    await stage('c1', UPDATED_AT);
    expect(listTimeline).toHaveBeenCalledTimes(2);
  });

  it('is always read when the panel names no update time', async () => {
    const { listTimeline, stage } = setup();
    await stage('c1');
    await stage('c1');
    expect(listTimeline).toHaveBeenCalledTimes(2);
    await stage('c1', UPDATED_AT);
    expect(listTimeline).toHaveBeenCalledTimes(3);
  });

  it('is remembered for the 100 customers read last', async () => {
    const { clock, listTimeline, stage } = setup();
    for (let index = 0; index <= 100; index += 1) {
      clock.now += 1_000;
      await stage(`c${index}`, UPDATED_AT);
    }
    await vi.waitFor(async () => expect(Object.keys(await stageCacheItem.getValue())).toHaveLength(100));
    await stage('c100', UPDATED_AT);
    await stage('c1', UPDATED_AT);
    expect(listTimeline).toHaveBeenCalledTimes(101);
    await stage('c0', UPDATED_AT);
    expect(listTimeline).toHaveBeenCalledTimes(102);
  });

  it('is never shared between two CRM connections', async () => {
    const { connection, stageOf, listTimeline, stage } = setup();
    await stage('c1', UPDATED_AT);
    connection.key = 'sobot|https://crm.example|appid-2';
    stageOf.set('c1', '意向确定');
    expect(await stage('c1', UPDATED_AT)).toMatchObject({ stage: STAGES[1] });
    expect(listTimeline).toHaveBeenCalledTimes(2);
  });
});

describe('the lookup answer', () => {
  const CONNECTION = 'sobot|https://crm.example|appid-1';

  function setup(stored: Record<string, { at: number; answer: LookupAnswer }> = {}) {
    const lookupCache = {
      stored,
      getValue: vi.fn(async () => lookupCache.stored),
      setValue: vi.fn(async (value: typeof stored) => {
        lookupCache.stored = value;
      }),
    };
    const searchCustomers = vi.fn(async () => ({ customers: [zhang], page: 1, pageCount: 1, total: 1 }));
    const deps = {
      session: { backend: async () => ({ searchCustomers }), connectionKey: async () => CONNECTION },
      reference: { get: (_key: string, load: () => Promise<unknown>) => load() },
      lookupCache,
      now: () => UPDATED_AT,
    } as unknown as HandlerDependencies;
    const { handlers, lookUpAhead } = customerHandlers(deps);
    return { lookupCache, searchCustomers, handlers, lookUpAhead, deps };
  }


  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('goes back to the panel before the lookup cache is written, and is written after', async () => {
    const { lookupCache, handlers } = setup();
    const answer = await handlers['customer.lookup'](contact, fromPage);
    expect(answer.cards.map((card) => card.customer.id)).toEqual(['c1']);
    expect(lookupCache.getValue).not.toHaveBeenCalled();
    expect(lookupCache.setValue).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(lookupCache.setValue).toHaveBeenCalledTimes(1));
    expect(lookupCache.stored).toEqual({ [`${CONNECTION}|phone:+8613812345678`]: { at: UPDATED_AT, answer } });
  });

  it('answers a repeat of the contact from memory while its cache write has not landed', async () => {
    const { lookupCache, handlers } = setup();
    lookupCache.setValue.mockImplementation(() => new Promise(() => undefined));
    const answer = await handlers['customer.lookup'](contact, fromPage);
    expect(await handlers['customer.cached'](contact, fromPage)).toEqual(answer);
    await vi.waitFor(() => expect(lookupCache.setValue).toHaveBeenCalled());
    expect(await handlers['customer.cached'](contact, fromPage)).toEqual(answer);
  });

  it('loses only the new entry when the worker stops right after replying', async () => {
    vi.useFakeTimers();
    try {
      const older: LookupAnswer = { tried: ['13900000000'], cards: [] };
      const stored = { [`${CONNECTION}|phone:+8613900000000`]: { at: UPDATED_AT - 1, answer: older } };
      const before = setup(stored);
      await before.handlers['customer.lookup'](contact, fromPage);
      // The worker stops here: its pending timer never runs; a new worker starts with what is stored.
      const after = customerHandlers(before.deps).handlers;
      expect(before.lookupCache.setValue).not.toHaveBeenCalled();
      expect(await after['customer.cached']({ kind: 'phone', value: '+8613900000000' }, fromPage)).toEqual(older);
      expect(await after['customer.cached'](contact, fromPage)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a lookup started ahead of the panel', () => {

  function setup() {
    const crm = { fails: false, calls: 0, release: () => undefined as void };
    let gate = Promise.resolve();
    const searchCustomers = vi.fn(async () => {
      crm.calls += 1;
      await gate;
      if (crm.fails) throw new Error('the CRM is down');
      return { customers: [zhang], page: 1, pageCount: 1, total: 1 };
    });
    /** Holds the CRM's answers until released. */
    const hold = () => {
      gate = new Promise((resolve) => (crm.release = resolve));
    };
    const deps = {
      session: { backend: async () => ({ searchCustomers }), connectionKey: async () => 'sobot|https://crm.example|appid-1' },
      reference: { get: (_key: string, load: () => Promise<unknown>) => load() },
      lookupCache: { getValue: async () => ({}), setValue: async () => undefined },
    } as unknown as HandlerDependencies;
    const { handlers, lookUpAhead } = customerHandlers(deps);
    const panelAsks = () => handlers['customer.lookup'](contact, fromPage);
    return { crm, hold, lookUpAhead, panelAsks };
  }

  /** CRM calls one lookup of the contact makes when nothing is shared. */
  async function callsPerLookup() {
    const { crm, panelAsks } = setup();
    await panelAsks();
    return crm.calls;
  }

  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is joined by the panel’s request while it runs: one CRM lookup for both', async () => {
    const alone = await callsPerLookup();
    const { crm, hold, lookUpAhead, panelAsks } = setup();
    hold();
    lookUpAhead(contact);
    const answer = panelAsks();
    await vi.waitFor(() => expect(crm.calls).toBe(alone));
    crm.release();
    expect((await answer).cards.map((card) => card.customer.id)).toEqual(['c1']);
    expect(crm.calls).toBe(alone);
  });

  it('answers the panel’s request that comes just after it finished', async () => {
    const alone = await callsPerLookup();
    const { crm, lookUpAhead, panelAsks } = setup();
    lookUpAhead(contact);
    await vi.waitFor(() => expect(crm.calls).toBe(alone));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await panelAsks()).cards).toHaveLength(1);
    expect(crm.calls).toBe(alone);
  });

  it('does not answer the panel’s later requests: the panel’s own lookups ask the CRM each time', async () => {
    const alone = await callsPerLookup();
    const { crm, lookUpAhead, panelAsks } = setup();
    lookUpAhead(contact);
    await panelAsks();
    await panelAsks();
    expect(crm.calls).toBe(2 * alone);
  });

  it('leaves the panel’s request to ask the CRM again when it failed, finished or still running', async () => {
    const alone = await callsPerLookup();
    const finished = setup();
    finished.crm.fails = true;
    finished.lookUpAhead(contact);
    await vi.waitFor(() => expect(finished.crm.calls).toBe(alone));
    await new Promise((resolve) => setTimeout(resolve, 0));
    finished.crm.fails = false;
    expect((await finished.panelAsks()).cards).toHaveLength(1);
    expect(finished.crm.calls).toBe(2 * alone);

    const running = setup();
    running.hold();
    running.crm.fails = true;
    running.lookUpAhead(contact);
    const answer = running.panelAsks();
    await vi.waitFor(() => expect(running.crm.calls).toBe(alone));
    const release = running.crm.release;
    running.hold();
    release();
    await vi.waitFor(() => expect(running.crm.calls).toBe(2 * alone));
    running.crm.fails = false;
    running.crm.release();
    expect((await answer).cards).toHaveLength(1);
  });
});
