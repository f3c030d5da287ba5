import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Stage, TimelineEvent } from '@/lib/crm/domain';
import { stageCacheItem } from '@/lib/storage';
import { createRememberedRecords } from '../remembered';
import { customerHandlers, FIRST_PAGE_SHARED_MS } from './customer';
import type { HandlerDependencies } from './dependencies';

const STAGES: Stage[] = [
  { id: 's-new', name: '初步接洽', order: 1 },
  { id: 's-intent', name: '意向确定', order: 2 },
];
const UPDATED_AT = 1_700_000_000_000;
const fromPage = { sender: 'extension-page' as const };

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
    listCache: { get: (_key: string, load: () => Promise<unknown>) => load() },
    records: createRememberedRecords(),
    stageCache: stageCacheItem,
    now: () => clock.now,
  } as unknown as HandlerDependencies;
  const handlers = customerHandlers(deps);
  /** Asks for the stage and waits until what the handler remembers is stored. */
  async function stage(customerId: string, updatedAt?: number) {
    const answer = await handlers['customer.stage']({ customerId, updatedAt }, fromPage);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return answer;
  }
  return { clock, connection, stageOf, listTimeline, stage, handlers };
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

  it('is the stage a result closed, with the result, read or remembered', async () => {
    const { clock, listTimeline, stage } = setup();
    const won: TimelineEvent = { id: 'e-won', kind: 'stage', rawType: 'user_stage_update', at: 2, stage: { to: '成单', result: 'won' } };
    listTimeline.mockResolvedValueOnce({ events: [stageChange('意向确定', 1), won], pageCount: 1 });
    expect(await stage('c1', UPDATED_AT)).toMatchObject({ stage: STAGES[1], result: 'won' });
    clock.now += 60_000;
    expect(await stage('c1', UPDATED_AT)).toMatchObject({ stage: STAGES[1], result: 'won' });
    expect(listTimeline).toHaveBeenCalledTimes(1);
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

describe('the timeline’s first page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is read once for the stage and the timeline section that follow a card, and afresh when asked or later', async () => {
    const { clock, listTimeline, stage, handlers } = setup();
    await stage('c1');
    const page = await handlers['customer.timeline']({ customerId: 'c1', page: 1 }, fromPage);
    expect(page.events).toHaveLength(1);
    expect(listTimeline).toHaveBeenCalledTimes(1);
    // After one of the agent's writes landed, the head is read for real.
    await handlers['customer.timeline']({ customerId: 'c1', page: 1, fresh: true }, fromPage);
    expect(listTimeline).toHaveBeenCalledTimes(2);
    clock.now += FIRST_PAGE_SHARED_MS;
    await handlers['customer.timeline']({ customerId: 'c1' }, fromPage);
    expect(listTimeline).toHaveBeenCalledTimes(3);
    // A filtered page is never the stage's read.
    await handlers['customer.timeline']({ customerId: 'c1', group: 'staff' }, fromPage);
    expect(listTimeline).toHaveBeenCalledTimes(4);
  });

  it('answers the section of a card seen again from the stage’s read, with when it was read, while the update time stands still', async () => {
    const { clock, stageOf, listTimeline, stage, handlers } = setup();
    const firstReadAt = clock.now;
    await stage('c1', UPDATED_AT);
    await handlers['customer.timeline']({ customerId: 'c1', page: 1 }, fromPage);
    // The agent comes back to the same customer a minute later: the stage is remembered, so is the page.
    clock.now += 60_000;
    await stage('c1', UPDATED_AT);
    const again = await handlers['customer.timeline']({ customerId: 'c1', page: 1 }, fromPage);
    expect(listTimeline).toHaveBeenCalledTimes(1);
    expect(again.readAt).toBe(firstReadAt);
    // A colleague moved the stage: the update time moved, the stage is read afresh and the section takes that read.
    stageOf.set('c1', '意向确定');
    clock.now += 1_000;
    await stage('c1', UPDATED_AT + 61_000);
    const moved = await handlers['customer.timeline']({ customerId: 'c1', page: 1 }, fromPage);
    expect(listTimeline).toHaveBeenCalledTimes(2);
    expect(moved.events[0]!.stage?.to).toBe('意向确定');
    expect(moved.readAt).toBe(clock.now);
  });
});
