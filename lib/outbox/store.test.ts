import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createOutbox } from './outbox';
import { createIndexedDbOutboxStore } from './store';
import type { OutboxWrite } from './types';

const write = (id: string, customerId: string, createdAt: number): OutboxWrite => ({
  id,
  customerId,
  kind: 'note',
  payload: { content: `note ${id}` },
  createdAt,
  attempts: 0,
  state: 'pending',
  nextAttemptAt: createdAt,
});

describe('createIndexedDbOutboxStore', () => {
  it('starts empty', async () => {
    expect(await createIndexedDbOutboxStore(new IDBFactory()).load()).toEqual([]);
  });

  it('keeps the queue, in enqueue order, across store instances (a worker restart)', async () => {
    const indexedDb = new IDBFactory();
    // Same creation time and ids that sort the other way: only the stored order says which came first.
    const queue = [write('z', 'c1', 5), write('a', 'c1', 5), write('m', 'c2', 4)];
    await createIndexedDbOutboxStore(indexedDb).save(queue);
    expect(await createIndexedDbOutboxStore(indexedDb).load()).toEqual(queue);
  });

  it('replaces the whole queue on save', async () => {
    const indexedDb = new IDBFactory();
    const store = createIndexedDbOutboxStore(indexedDb);
    await store.save([write('a', 'c1', 1), write('b', 'c1', 2)]);
    await store.save([write('b', 'c1', 2)]);
    expect((await createIndexedDbOutboxStore(indexedDb).load()).map((each) => each.id)).toEqual(['b']);
  });

  it('lets a restarted worker deliver what a killed one had queued', async () => {
    const indexedDb = new IDBFactory();
    const hanging = vi.fn(() => new Promise<void>(() => {}));
    const first = createOutbox({
      store: createIndexedDbOutboxStore(indexedDb),
      deliver: hanging,
      alreadyDelivered: async () => false,
      schedule: () => undefined,
      connection: async () => 'crm',
      requestTimeoutMs: 15_000,
      now: () => 1_000,
    });
    await first.enqueue({ customerId: 'c1', kind: 'stage', payload: { stage: { id: 's1', name: '意向确定' }, type: 'ongoing' } });
    await vi.waitFor(() => expect(hanging).toHaveBeenCalledTimes(1));

    const deliver = vi.fn(async () => undefined);
    const second = createOutbox({
      store: createIndexedDbOutboxStore(indexedDb),
      deliver,
      alreadyDelivered: async () => false,
      schedule: () => undefined,
      connection: async () => 'crm',
      requestTimeoutMs: 15_000,
      now: () => 200_000,
    });
    await second.resume();
    expect(deliver).toHaveBeenCalledWith(expect.objectContaining({ customerId: 'c1', kind: 'stage', attempts: 2, ambiguous: true }));
    expect(await createIndexedDbOutboxStore(indexedDb).load()).toEqual([expect.objectContaining({ state: 'sent', sentAt: 200_000 })]);
  });
});
