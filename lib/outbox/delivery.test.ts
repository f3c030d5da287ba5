import { describe, expect, it, vi } from 'vitest';
import type { CrmBackend } from '../crm/backend';
import { CrmError } from '../crm/errors';
import type { Customer, LabelRef, TimelineEvent } from '../crm/domain';
import { createCrmDelivery } from './delivery';
import type { OutboxWrite } from './types';

const T0 = Date.UTC(2024, 0, 1, 9);

function fakeBackend(overrides: Partial<CrmBackend> = {}) {
  const calls: string[] = [];
  let labels: LabelRef[] = [];
  let timeline: TimelineEvent[] = [];
  const backend = {
    kind: 'sobot',
    capabilities: { labels: true, stages: true, notes: true, timeline: true },
    getCustomerLabels: vi.fn(async () => {
      calls.push('getCustomerLabels');
      return labels;
    }),
    setCustomerLabels: vi.fn(async () => void calls.push('setCustomerLabels')),
    setStage: vi.fn(async () => undefined),
    addNote: vi.fn(async () => undefined),
    updateCustomer: vi.fn(async () => undefined),
    listTimeline: vi.fn(async () => ({ events: timeline, pageCount: 1 })),
    ...overrides,
  } as unknown as CrmBackend & Record<string, ReturnType<typeof vi.fn>>;
  return {
    backend,
    calls,
    setLabels: (next: LabelRef[]) => void (labels = next),
    setTimeline: (next: TimelineEvent[]) => void (timeline = next),
  };
}

const bookkeeping = { id: 'w1', customerId: 'c1', createdAt: T0, attempts: 1, state: 'sending', nextAttemptAt: T0 } as const;
const noteWrite = (content: string): OutboxWrite => ({ ...bookkeeping, kind: 'note', payload: { content }, ambiguous: true });
const noteEvent = (text: string, at: number): TimelineEvent => ({ id: `e${at}`, kind: 'note', rawType: 'user_record', at, text });

describe('createCrmDelivery: deliver', () => {
  it('reads the customer’s labels right before writing, and writes them with only the agent’s delta applied', async () => {
    const crm = fakeBackend();
    // A colleague added "vip" after the agent looked; the agent adds "hot" and removes "cold".
    crm.setLabels([
      { id: 'cold', name: '低意向' },
      { id: 'vip', name: 'VIP' },
    ]);
    const { deliver } = createCrmDelivery({ backend: async () => crm.backend });
    await deliver({ ...bookkeeping, kind: 'labels', payload: { add: [{ id: 'hot', name: '高意向' }], remove: ['cold'] } });
    expect(crm.calls).toEqual(['getCustomerLabels', 'setCustomerLabels']);
    expect(crm.backend.setCustomerLabels).toHaveBeenCalledWith('c1', [
      { id: 'vip', name: 'VIP' },
      { id: 'hot', name: '高意向' },
    ]);
  });

  it('sends a stage, a note and a field update to the matching backend call', async () => {
    const crm = fakeBackend();
    const { deliver } = createCrmDelivery({ backend: async () => crm.backend });
    await deliver({ ...bookkeeping, kind: 'stage', payload: { stage: { id: 's9', name: '已成交' }, type: 'won' } });
    await deliver(noteWrite('客户要求周五回电'));
    await deliver({ ...bookkeeping, kind: 'customer', payload: { nick: '王女士', email: 'w@example.com' } });
    expect(crm.backend.setStage).toHaveBeenCalledWith('c1', { id: 's9', name: '已成交' }, 'won');
    expect(crm.backend.addNote).toHaveBeenCalledWith('c1', '客户要求周五回电');
    expect(crm.backend.updateCustomer).toHaveBeenCalledWith('c1', { nick: '王女士', email: 'w@example.com' });
  });

  it('asks for the backend of the connection the write was made for', async () => {
    const crm = fakeBackend();
    const backend = vi.fn(async (_madeFor?: string) => crm.backend);
    const { deliver, alreadyDelivered } = createCrmDelivery({ backend });
    const note: OutboxWrite = { ...noteWrite('好的，周五回电'), connection: 'sobot|https://a|x' };
    await deliver(note);
    await alreadyDelivered(note);
    expect(backend.mock.calls).toEqual([['sobot|https://a|x'], ['sobot|https://a|x']]);
  });

  it('refuses, as a permanent error, a write the backend cannot make', async () => {
    const crm = fakeBackend({ addNote: undefined });
    const { deliver } = createCrmDelivery({ backend: async () => crm.backend });
    await expect(deliver(noteWrite('x'))).rejects.toMatchObject({ code: 'invalid-input', retryable: false });
  });
});

describe('createCrmDelivery: a customer the CRM no longer has', () => {
  const refused = () => Promise.reject(new CrmError('crm-error', '客户不存在', '999999'));

  it('turns a refusal for a customer merged away or deleted into a permanent customer-gone failure', async () => {
    const crm = fakeBackend({ addNote: vi.fn(refused), getCustomer: vi.fn(() => Promise.reject(new CrmError('not-found', 'none'))) });
    const { deliver } = createCrmDelivery({ backend: async () => crm.backend });
    await expect(deliver(noteWrite('客户要求周五回电'))).rejects.toMatchObject({ code: 'customer-gone', retryable: false });
    expect(crm.backend.getCustomer).toHaveBeenCalledWith('c1');
  });

  it('keeps the CRM’s own refusal when the customer still exists, and never probes after a network failure', async () => {
    const crm = fakeBackend({ addNote: vi.fn(refused), getCustomer: vi.fn(async () => ({ id: 'c1' }) as Customer) });
    const { deliver } = createCrmDelivery({ backend: async () => crm.backend });
    await expect(deliver(noteWrite('x'))).rejects.toMatchObject({ code: 'crm-error', crmCode: '999999' });
    crm.backend.addNote = vi.fn(() => Promise.reject(new CrmError('timeout', 'slow')));
    await expect(deliver(noteWrite('x'))).rejects.toMatchObject({ code: 'timeout' });
    expect(crm.backend.getCustomer).toHaveBeenCalledTimes(1);
  });
});

describe('createCrmDelivery: alreadyDelivered', () => {
  it('finds the note on the timeline when it was created after the write', async () => {
    const crm = fakeBackend();
    crm.setTimeline([noteEvent('别的记录', T0 + 1_000), noteEvent(' 客户要求周五回电 ', T0 + 4_000)]);
    const { alreadyDelivered } = createCrmDelivery({ backend: async () => crm.backend });
    expect(await alreadyDelivered(noteWrite('客户要求周五回电'))).toBe(true);
    expect(crm.backend.listTimeline).toHaveBeenCalledWith('c1', 1);
  });

  it('does not take an older identical note, or a different one, for this note', async () => {
    const crm = fakeBackend();
    crm.setTimeline([noteEvent('客户要求周五回电', T0 - 3_600_000), noteEvent('客户要求周六回电', T0 + 1_000)]);
    const { alreadyDelivered } = createCrmDelivery({ backend: async () => crm.backend });
    expect(await alreadyDelivered(noteWrite('客户要求周五回电'))).toBe(false);
  });

  it('allows for the CRM’s clock running a little behind', async () => {
    const crm = fakeBackend();
    crm.setTimeline([noteEvent('客户要求周五回电', T0 - 20_000)]);
    const { alreadyDelivered } = createCrmDelivery({ backend: async () => crm.backend });
    expect(await alreadyDelivered(noteWrite('客户要求周五回电'))).toBe(true);
    const strict = createCrmDelivery({ backend: async () => crm.backend, clockSkewMs: 0 });
    expect(await strict.alreadyDelivered(noteWrite('客户要求周五回电'))).toBe(false);
  });

  it('answers no for other kinds of write and for a backend without a timeline', async () => {
    const crm = fakeBackend({ listTimeline: undefined });
    const { alreadyDelivered } = createCrmDelivery({ backend: async () => crm.backend });
    expect(await alreadyDelivered(noteWrite('x'))).toBe(false);
    expect(await alreadyDelivered({ ...bookkeeping, kind: 'stage', payload: { stage: { id: 's', name: 's' }, type: 'ongoing' } })).toBe(false);
  });
});
