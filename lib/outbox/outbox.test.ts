import { describe, expect, it, vi } from 'vitest';
import { connectionKeyOf } from '../crm/connection-key';
import { CrmError, type CrmErrorCode } from '../crm/errors';
import { createOutbox, type OutboxOptions } from './outbox';
import type { NewOutboxWrite, OutboxStore, OutboxWrite } from './types';

const T0 = Date.UTC(2024, 0, 1, 9);
const GRACE = 2 * 60_000;
const REQUEST_TIMEOUT = 15_000;

function memoryStore(): OutboxStore & { stored(): OutboxWrite[] } {
  let data: OutboxWrite[] = [];
  return {
    load: async () => structuredClone(data),
    save: async (writes) => {
      data = structuredClone(writes);
    },
    stored: () => data,
  };
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** One outbox as one service worker would hold it; several over one store model restarts. */
function worker(options: Partial<OutboxOptions> & { start?: number } = {}) {
  let time = options.start ?? T0;
  let connection: string | undefined = 'crm-a';
  let ids = 0;
  const store = options.store ?? memoryStore();
  const scheduled: number[] = [];
  const deliver = vi.fn<OutboxOptions['deliver']>(async () => undefined);
  const alreadyDelivered = vi.fn<OutboxOptions['alreadyDelivered']>(async () => false);
  const outbox = createOutbox({
    deliver,
    alreadyDelivered,
    schedule: (at) => void scheduled.push(at),
    connection: async () => connection,
    requestTimeoutMs: REQUEST_TIMEOUT,
    now: () => time,
    random: () => 1,
    newId: () => `w${++ids}`,
    ...options,
    store,
  });
  return {
    outbox,
    deliver,
    alreadyDelivered,
    scheduled,
    advance: (ms: number) => void (time += ms),
    /** The agent connects to another CRM (or to none). */
    connectTo: (key: string | undefined) => void (connection = key),
    one: async (id: string) => (await outbox.list()).find((write) => write.id === id),
  };
}

/** A worker that dies during its first request, and the store it leaves behind. */
async function killedMidSend(...writes: NewOutboxWrite[]) {
  const disk = memoryStore();
  const first = worker({ store: disk });
  first.deliver.mockImplementation(() => new Promise(() => {}));
  for (const write of writes) await first.outbox.enqueue(write);
  await vi.waitFor(() => expect(first.deliver).toHaveBeenCalledTimes(1));
  return { disk, first };
}

const note = (customerId: string, content = '已回访，客户确认下周付款'): NewOutboxWrite => ({ customerId, kind: 'note', payload: { content } });
const stage = (customerId: string): NewOutboxWrite => ({
  customerId,
  kind: 'stage',
  payload: { stage: { id: 'cb31d0aff036411fb9bf598baf4dc2ea', name: '意向确定' }, type: 'ongoing' },
});
const labels = (customerId: string): NewOutboxWrite => ({
  customerId,
  kind: 'labels',
  payload: { add: [{ id: 'hot', name: '高意向' }], remove: ['cold'] },
});
const fail = (code: CrmErrorCode) => new CrmError(code, `failed: ${code}`);

describe('outbox: durability', () => {
  it('stores a write before it is sent, and marks it sending before the CRM is called', async () => {
    const store = memoryStore();
    const w = worker({ store });
    const seenAtDelivery: OutboxWrite[][] = [];
    w.deliver.mockImplementation(async () => void seenAtDelivery.push(structuredClone(store.stored())));
    const write = await w.outbox.enqueue(note('c1'));
    expect(write).toMatchObject({ id: 'w1', customerId: 'c1', kind: 'note', state: 'pending', attempts: 0, createdAt: T0 });
    await w.outbox.process();
    expect(seenAtDelivery).toEqual([[expect.objectContaining({ id: 'w1', state: 'sending', attempts: 1 })]]);
    expect(store.stored()).toEqual([expect.objectContaining({ id: 'w1', state: 'sent', sentAt: T0 })]);
  });

  it('delivers after a restart a write whose worker died right after storing it', async () => {
    const disk = memoryStore();
    let saves = 0;
    // The worker dies after the enqueue is saved, before it can mark the write as sending.
    const dying: OutboxStore = { load: disk.load, save: (writes) => (++saves === 1 ? disk.save(writes) : new Promise(() => {})) };
    const first = worker({ store: dying });
    await first.outbox.enqueue(note('c1'));
    await flush();
    expect(first.deliver).not.toHaveBeenCalled();

    const second = worker({ store: disk, start: T0 + 60_000 });
    await second.outbox.resume();
    expect(second.deliver).toHaveBeenCalledTimes(1);
    expect(second.deliver.mock.calls[0]![0]).toMatchObject({ id: 'w1', kind: 'note', attempts: 1 });
    // It was never sent, so there is nothing to look for in the CRM.
    expect(second.alreadyDelivered).not.toHaveBeenCalled();
    expect(disk.stored()).toEqual([expect.objectContaining({ id: 'w1', state: 'sent' })]);
  });

  it('after a worker was killed mid-send, checks whether the note landed and does not send it again', async () => {
    const { disk, first } = await killedMidSend(note('c1'));
    expect(disk.stored()[0]).toMatchObject({ state: 'sending' });
    // A wake is asked for in case the worker dies now.
    expect(first.scheduled).toContain(T0 + GRACE);

    const second = worker({ store: disk, start: T0 + GRACE });
    second.alreadyDelivered.mockResolvedValue(true);
    await second.outbox.resume();
    expect(second.alreadyDelivered).toHaveBeenCalledWith(expect.objectContaining({ id: 'w1', ambiguous: true }));
    expect(second.deliver).not.toHaveBeenCalled();
    expect(disk.stored()).toEqual([expect.objectContaining({ id: 'w1', state: 'sent', sentAt: T0 + GRACE })]);
  });

  it('after a worker was killed mid-send, sends a label change again (a re-merge is harmless)', async () => {
    const { disk } = await killedMidSend(labels('c1'));
    const second = worker({ store: disk, start: T0 + GRACE });
    await second.outbox.resume();
    expect(second.alreadyDelivered).not.toHaveBeenCalled();
    expect(second.deliver).toHaveBeenCalledWith(expect.objectContaining({ id: 'w1', attempts: 2, ambiguous: true }));
    expect(disk.stored()[0]).toMatchObject({ state: 'sent' });
  });

  it('after a worker was killed mid-send, neither checks nor sends the note while that request may still land', async () => {
    const { disk } = await killedMidSend(note('c1'));
    // The next worker starts at once; the killed one's request may reach a slow CRM for up to its timeout.
    const second = worker({ store: disk, start: T0 + 2_000 });
    await second.outbox.resume();
    expect(second.alreadyDelivered).not.toHaveBeenCalled();
    expect(second.deliver).not.toHaveBeenCalled();
    const landed = T0 + 2_000 + REQUEST_TIMEOUT + 1_000;
    expect(await second.one('w1')).toMatchObject({ state: 'pending', ambiguous: true, nextAttemptAt: landed });
    expect(second.scheduled.at(-1)).toBe(landed);

    second.advance(REQUEST_TIMEOUT);
    await second.outbox.process();
    expect(second.alreadyDelivered).not.toHaveBeenCalled();
    second.advance(1_000);
    second.alreadyDelivered.mockResolvedValue(true);
    await second.outbox.process();
    expect(second.alreadyDelivered).toHaveBeenCalledTimes(1);
    expect(second.deliver).not.toHaveBeenCalled();
    expect(await second.one('w1')).toMatchObject({ state: 'sent', sentAt: landed });
  });

  it('holds a customer’s next write until a killed worker’s label change can no longer land over it', async () => {
    const { disk } = await killedMidSend(labels('c1'), stage('c1'));
    const second = worker({ store: disk, start: T0 + 500 });
    await second.outbox.resume();
    // Pressing Retry does not hurry it either: the request may still be on its way.
    expect(await second.outbox.retry('w1')).toBe(true);
    await second.outbox.process();
    expect(second.deliver).not.toHaveBeenCalled();

    second.advance(REQUEST_TIMEOUT + 1_000);
    await second.outbox.process();
    expect(second.deliver.mock.calls.map(([write]) => write.id)).toEqual(['w1', 'w2']);
    expect(await second.one('w1')).not.toHaveProperty('mayLandUntil');
  });

  it('enqueues a write with a caller-chosen id once, however often the request is repeated', async () => {
    const w = worker();
    await w.outbox.enqueue({ ...note('c1'), id: 'panel-7' });
    await w.outbox.enqueue({ ...note('c1'), id: 'panel-7' });
    await w.outbox.process();
    expect(await w.outbox.list()).toHaveLength(1);
    expect(w.deliver).toHaveBeenCalledTimes(1);
  });

  it('asks to be woken soon when the store fails, so nothing queued is stranded', async () => {
    const disk = memoryStore();
    let saves = 0;
    const flaky: OutboxStore = {
      load: disk.load,
      save: async (writes) => {
        if (++saves === 2) throw new Error('QuotaExceededError');
        await disk.save(writes);
      },
    };
    const w = worker({ store: flaky });
    await w.outbox.enqueue(stage('c1'));
    await flush();
    expect(w.deliver).not.toHaveBeenCalled();
    expect(w.scheduled).toEqual([T0 + 2_000]);
    await w.outbox.process();
    expect(w.deliver).toHaveBeenCalledTimes(1);
  });
});

describe('outbox: retries', () => {
  it('retries a retryable failure after 2 s, 4 s, … and records why', async () => {
    const w = worker();
    w.deliver.mockRejectedValueOnce(fail('unreachable')).mockRejectedValueOnce(fail('http-status'));
    await w.outbox.enqueue(stage('c1'));
    await w.outbox.process();
    expect(await w.one('w1')).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: T0 + 2_000,
      lastError: { code: 'unreachable', message: 'failed: unreachable' },
    });
    expect(w.scheduled.at(-1)).toBe(T0 + 2_000);

    w.advance(1_999);
    await w.outbox.process();
    expect(w.deliver).toHaveBeenCalledTimes(1);

    w.advance(1);
    await w.outbox.process();
    expect(w.deliver).toHaveBeenCalledTimes(2);
    expect(await w.one('w1')).toMatchObject({ state: 'pending', attempts: 2, nextAttemptAt: T0 + 2_000 + 4_000 });
    expect(w.scheduled.at(-1)).toBe(T0 + 6_000);

    w.advance(4_000);
    await w.outbox.process();
    const sent = await w.one('w1');
    expect(sent).toMatchObject({ state: 'sent', attempts: 3, sentAt: T0 + 6_000 });
    expect(sent?.lastError).toBeUndefined();
  });

  it('jitters the wait into the upper half of the exponential step', async () => {
    const w = worker({ random: () => 0 });
    w.deliver.mockRejectedValueOnce(fail('timeout')).mockRejectedValueOnce(fail('timeout'));
    await w.outbox.enqueue(stage('c1'));
    await w.outbox.process();
    expect((await w.one('w1'))?.nextAttemptAt).toBe(T0 + 1_000);
    w.advance(1_000);
    await w.outbox.process();
    expect((await w.one('w1'))?.nextAttemptAt).toBe(T0 + 1_000 + 2_000);
  });

  it('gives up after the last allowed attempt, keeping the last reason', async () => {
    const w = worker({ maxAttempts: 3 });
    w.deliver.mockRejectedValueOnce(fail('timeout')).mockRejectedValueOnce(fail('timeout')).mockRejectedValueOnce(fail('malformed-response'));
    await w.outbox.enqueue(stage('c1'));
    for (let round = 0; round < 5; round += 1) {
      await w.outbox.process();
      w.advance(10 * 60_000);
    }
    expect(w.deliver).toHaveBeenCalledTimes(3);
    expect(await w.one('w1')).toMatchObject({ state: 'failed', attempts: 3, lastError: { code: 'malformed-response' } });
  });

  it.each<CrmErrorCode>(['invalid-input', 'not-found', 'bad-signature', 'unknown-account', 'edition-without-api', 'not-configured'])(
    'fails at once on a permanent error (%s) and does not retry by itself',
    async (code) => {
      const w = worker();
      w.deliver.mockRejectedValueOnce(new CrmError(code, 'The label group does not exist.', '510001'));
      await w.outbox.enqueue(labels('c1'));
      await w.outbox.process();
      expect(await w.one('w1')).toMatchObject({ state: 'failed', attempts: 1, lastError: { code, message: 'The label group does not exist.' } });
      // The only wake asked for is the guard while it was being sent; none for a retry.
      expect(new Set(w.scheduled)).toEqual(new Set([T0 + GRACE]));
      const wakes = w.scheduled.length;
      w.advance(24 * 60 * 60_000);
      await w.outbox.process();
      expect(w.deliver).toHaveBeenCalledTimes(1);
      expect(w.scheduled).toHaveLength(wakes);
    },
  );

  it('fails an unexpected (non-CRM) error without retrying, and treats it as ambiguous', async () => {
    const w = worker();
    w.deliver.mockRejectedValueOnce(new TypeError('x is undefined'));
    await w.outbox.enqueue(note('c1'));
    await w.outbox.process();
    expect(await w.one('w1')).toMatchObject({ state: 'failed', ambiguous: true, lastError: { code: 'crm-error', message: 'x is undefined' } });
  });
});

describe('outbox: order per customer', () => {
  it('holds a customer’s later write behind a failing first one, while another customer proceeds', async () => {
    const w = worker();
    const order: string[] = [];
    let failFirst = true;
    w.deliver.mockImplementation(async (write) => {
      order.push(write.id);
      if (write.id === 'w1' && failFirst) {
        failFirst = false;
        throw fail('timeout');
      }
    });
    await w.outbox.enqueue(labels('A')); // w1
    await w.outbox.enqueue(note('A')); // w2
    await w.outbox.enqueue(stage('B')); // w3
    await w.outbox.process();
    expect(order.filter((id) => id !== 'w3')).toEqual(['w1']);
    expect(order).toContain('w3');
    expect(await w.one('w2')).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await w.one('w3')).toMatchObject({ state: 'sent' });

    w.advance(2_000);
    await w.outbox.process();
    expect(order.filter((id) => id !== 'w3')).toEqual(['w1', 'w1', 'w2']);
  });

  it('keeps a customer’s later writes waiting behind a failed one until it is retried or discarded', async () => {
    const w = worker();
    w.deliver.mockRejectedValueOnce(fail('invalid-input'));
    await w.outbox.enqueue(stage('A')); // w1 fails for good
    await w.outbox.enqueue(note('A')); // w2
    await w.outbox.process();
    w.advance(60 * 60_000);
    await w.outbox.process();
    expect(w.deliver.mock.calls.map(([write]) => write.id)).toEqual(['w1']);

    expect(await w.outbox.discard('w1')).toBe(true);
    await w.outbox.process();
    expect(w.deliver.mock.calls.map(([write]) => write.id)).toEqual(['w1', 'w2']);
    expect((await w.outbox.list()).map((write) => [write.id, write.state])).toEqual([['w2', 'sent']]);
  });

  it('has at most one write per customer in flight, and different customers in flight together', async () => {
    const w = worker();
    const gates = new Map<string, ReturnType<typeof deferred>>();
    w.deliver.mockImplementation((write) => {
      const gate = deferred();
      gates.set(write.id, gate);
      return gate.promise;
    });
    await w.outbox.enqueue(note('A')); // w1
    await w.outbox.enqueue(stage('A')); // w2
    await w.outbox.enqueue(labels('B')); // w3
    await vi.waitFor(() => expect(w.deliver).toHaveBeenCalledTimes(2));
    await flush();
    expect([...gates.keys()]).toEqual(['w1', 'w3']);
    expect((await w.outbox.list()).map((write) => write.state)).toEqual(['sending', 'pending', 'sending']);

    gates.get('w3')!.resolve();
    await vi.waitFor(async () => expect(await w.one('w3')).toMatchObject({ state: 'sent' }));
    expect(w.deliver).toHaveBeenCalledTimes(2);

    gates.get('w1')!.resolve();
    await vi.waitFor(() => expect(gates.has('w2')).toBe(true));
    gates.get('w2')!.resolve();
    await w.outbox.process();
    expect((await w.outbox.list()).map((write) => write.state)).toEqual(['sent', 'sent', 'sent']);
  });
});

describe('outbox: a customer the CRM no longer has', () => {
  it('fails the customer’s queued writes for good once one is refused as gone, keeping the note’s text, and spends no request on them', async () => {
    const w = worker();
    w.deliver.mockRejectedValueOnce(fail('customer-gone'));
    await w.outbox.enqueue(stage('A')); // w1
    await w.outbox.enqueue(note('A', '客户说下周再联系')); // w2
    await w.outbox.enqueue(stage('B')); // w3
    await w.outbox.process();
    w.advance(60 * 60_000);
    await w.outbox.process();
    expect(w.deliver.mock.calls.map(([write]) => write.id).sort()).toEqual(['w1', 'w3']);
    expect(await w.one('w2')).toMatchObject({ state: 'failed', lastError: { code: 'customer-gone' }, payload: { content: '客户说下周再联系' } });
    expect(await w.one('w3')).toMatchObject({ state: 'sent' });
  });

  it('fails a gone customer’s waiting writes when told, leaving other customers’ writes alone', async () => {
    const w = worker();
    w.deliver.mockRejectedValue(fail('unreachable'));
    await w.outbox.enqueue(note('A')); // w1, retrying
    await w.outbox.enqueue(note('B')); // w2, retrying
    await w.outbox.process();
    await w.outbox.customerGone('A', 'crm-a');
    expect(await w.one('w1')).toMatchObject({ state: 'failed', lastError: { code: 'customer-gone' } });
    expect(await w.one('w2')).toMatchObject({ state: 'pending' });
    w.deliver.mockReset();
    w.advance(60 * 60_000);
    await w.outbox.process();
    expect(w.deliver.mock.calls.map(([write]) => write.id)).toEqual(['w2']);
  });
});

describe('outbox: one CRM connection at a time', () => {
  it('keeps a write made for one CRM waiting while the agent is connected to another, and sends it once that CRM is back', async () => {
    const w = worker();
    w.deliver.mockImplementationOnce(() => Promise.reject(fail('unreachable'))); // A is down: w1 stays queued
    await w.outbox.enqueue(note('A')); // w1, for crm-a
    await w.outbox.process();
    w.connectTo('crm-b');
    w.advance(60 * 60_000);
    w.scheduled.length = 0;
    await w.outbox.process();
    expect(w.deliver).toHaveBeenCalledTimes(1);
    expect(await w.one('w1')).toMatchObject({ state: 'pending', connection: 'crm-a' });
    expect(w.scheduled).toEqual([]); // nothing to wake for: the change of connection processes the queue

    await w.outbox.enqueue(note('A', '另一个系统里的 A')); // w2, for crm-b: not held behind crm-a's A
    await w.outbox.process();
    expect(w.deliver.mock.calls.map(([write]) => [write.id, write.connection])).toEqual([
      ['w1', 'crm-a'],
      ['w2', 'crm-b'],
    ]);

    w.connectTo(undefined); // the connection removed: still nothing sent
    await w.outbox.process();
    w.connectTo('crm-a');
    await w.outbox.process();
    expect(w.deliver.mock.calls.map(([write]) => write.id)).toEqual(['w1', 'w2', 'w1']);
    expect(await w.one('w1')).toMatchObject({ state: 'sent' });
  });

  it('keeps a write the agent switched CRMs under, in the moment before it was sent, waiting and not in doubt', async () => {
    const w = worker();
    w.deliver.mockImplementationOnce(async () => {
      w.connectTo('crm-b'); // the settings changed between the check and the sending
      throw fail('connection-changed');
    });
    await w.outbox.enqueue(note('A'));
    await w.outbox.process();
    const held = await w.one('w1');
    expect(held).toMatchObject({ state: 'pending', connection: 'crm-a' });
    expect(held?.ambiguous).toBeUndefined(); // nothing reached a CRM: no timeline check is needed later
    w.advance(60 * 60_000);
    await w.outbox.process();
    expect(w.deliver).toHaveBeenCalledTimes(1);
  });

  it('refuses a write made while no CRM is connected, instead of keeping it for whichever CRM comes next', async () => {
    const w = worker();
    w.connectTo(undefined);
    await expect(w.outbox.enqueue(note('A'))).rejects.toMatchObject({ code: 'not-configured' });
    expect(await w.outbox.list()).toEqual([]);
    w.connectTo('crm-b');
    await w.outbox.process();
    expect(w.deliver).not.toHaveBeenCalled();
  });

  it('sends a write queued under the earlier key form through the connection that key names, and only that one', async () => {
    const disk = memoryStore();
    const legacy = {
      id: 'old',
      customerId: 'A',
      kind: 'note' as const,
      payload: { content: '旧的备注' },
      createdAt: T0,
      attempts: 0,
      state: 'pending' as const,
      nextAttemptAt: T0,
    };
    await disk.save([{ ...legacy, connection: 'sobot|https://crm.example.com|app' }]);
    const w = worker({ store: disk });
    w.connectTo(connectionKeyOf('sobot', 'https://crm.example.com', 'other'));
    await w.outbox.resume();
    expect(w.deliver).not.toHaveBeenCalled();
    w.connectTo(connectionKeyOf('sobot', 'https://crm.example.com', 'app'));
    await w.outbox.process();
    expect(w.deliver.mock.calls.map(([write]) => write.id)).toEqual(['old']);
  });

  it('sends a write stored before writes named their connection through the current one', async () => {
    const disk = memoryStore();
    await disk.save([
      { id: 'old', customerId: 'A', kind: 'note', payload: { content: '旧的备注' }, createdAt: T0, attempts: 0, state: 'pending', nextAttemptAt: T0 },
    ]);
    const w = worker({ store: disk });
    await w.outbox.resume();
    expect(w.deliver.mock.calls.map(([write]) => write.id)).toEqual(['old']);
  });
});

describe('outbox: notes are delivered once', () => {
  it('after a timeout, does not send a note again when the CRM already has it', async () => {
    const w = worker();
    w.deliver.mockRejectedValueOnce(fail('timeout'));
    w.alreadyDelivered.mockResolvedValueOnce(true);
    await w.outbox.enqueue(note('c1'));
    await w.outbox.process();
    expect(await w.one('w1')).toMatchObject({ state: 'pending', ambiguous: true });
    w.advance(2_000);
    await w.outbox.process();
    expect(w.alreadyDelivered).toHaveBeenCalledTimes(1);
    expect(w.alreadyDelivered).toHaveBeenCalledWith(expect.objectContaining({ id: 'w1', createdAt: T0, payload: { content: '已回访，客户确认下周付款' } }));
    expect(w.deliver).toHaveBeenCalledTimes(1);
    expect(await w.one('w1')).toMatchObject({ state: 'sent' });
  });

  it('after a timeout, sends the note again when the CRM does not have it', async () => {
    const w = worker();
    w.deliver.mockRejectedValueOnce(fail('unreachable'));
    await w.outbox.enqueue(note('c1'));
    await w.outbox.process();
    w.advance(2_000);
    await w.outbox.process();
    expect(w.alreadyDelivered).toHaveBeenCalledTimes(1);
    expect(w.deliver).toHaveBeenCalledTimes(2);
    expect(await w.one('w1')).toMatchObject({ state: 'sent' });
  });

  it('does not check after a failure that proves the note was refused', async () => {
    const w = worker();
    w.deliver.mockRejectedValueOnce(fail('token-rejected'));
    await w.outbox.enqueue(note('c1'));
    await w.outbox.process();
    expect((await w.one('w1'))?.ambiguous).toBeUndefined();
    w.advance(2_000);
    await w.outbox.process();
    expect(w.alreadyDelivered).not.toHaveBeenCalled();
    expect(w.deliver).toHaveBeenCalledTimes(2);
  });

  it('stays ambiguous after a clear failure that followed an unclear one', async () => {
    const w = worker();
    w.deliver.mockRejectedValueOnce(fail('timeout')).mockRejectedValueOnce(fail('token-rejected'));
    await w.outbox.enqueue(note('c1'));
    await w.outbox.process();
    w.advance(2_000);
    await w.outbox.process();
    expect(await w.one('w1')).toMatchObject({ ambiguous: true, lastError: { code: 'token-rejected' } });
    w.alreadyDelivered.mockResolvedValue(true);
    w.advance(4_000);
    await w.outbox.process();
    // Checked before the second attempt (not there, sent, refused) and before the third (there).
    expect(w.alreadyDelivered).toHaveBeenCalledTimes(2);
    expect(w.deliver).toHaveBeenCalledTimes(2);
    expect(await w.one('w1')).toMatchObject({ state: 'sent' });
  });

  it('retries the check itself when the timeline cannot be read, without sending', async () => {
    const w = worker();
    w.deliver.mockRejectedValueOnce(fail('timeout'));
    w.alreadyDelivered.mockRejectedValueOnce(fail('unreachable'));
    await w.outbox.enqueue(note('c1'));
    await w.outbox.process();
    w.advance(2_000);
    await w.outbox.process();
    expect(w.deliver).toHaveBeenCalledTimes(1);
    expect(await w.one('w1')).toMatchObject({ state: 'pending', ambiguous: true, lastError: { code: 'unreachable' } });
  });

  it('does not ask the timeline about other kinds of write', async () => {
    const w = worker();
    w.deliver.mockRejectedValueOnce(fail('timeout'));
    await w.outbox.enqueue(labels('c1'));
    await w.outbox.process();
    w.advance(2_000);
    await w.outbox.process();
    expect(w.alreadyDelivered).not.toHaveBeenCalled();
    expect(w.deliver).toHaveBeenCalledTimes(2);
  });
});

describe('outbox: retry and discard', () => {
  it('retries a failed write with a fresh attempt budget', async () => {
    const w = worker({ maxAttempts: 2 });
    w.deliver.mockRejectedValueOnce(fail('not-found'));
    await w.outbox.enqueue(stage('c1'));
    await w.outbox.process();
    expect(await w.one('w1')).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await w.outbox.retry('w1')).toBe(true);
    await w.outbox.process();
    expect(await w.one('w1')).toMatchObject({ state: 'sent', attempts: 1 });
    expect(w.deliver).toHaveBeenCalledTimes(2);
  });

  it('retries a write waiting out its backoff now', async () => {
    const w = worker();
    w.deliver.mockRejectedValueOnce(fail('timeout'));
    await w.outbox.enqueue(stage('c1'));
    await w.outbox.process();
    expect(await w.outbox.retry('w1')).toBe(true);
    await w.outbox.process();
    expect(await w.one('w1')).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('refuses to retry or discard a sent or unknown write', async () => {
    const w = worker();
    await w.outbox.enqueue(stage('c1'));
    await w.outbox.process();
    expect(await w.outbox.retry('w1')).toBe(false);
    expect(await w.outbox.discard('w1')).toBe(false);
    expect(await w.outbox.retry('nope')).toBe(false);
    expect(await w.outbox.discard('nope')).toBe(false);
    expect(await w.one('w1')).toMatchObject({ state: 'sent' });
    expect(w.deliver).toHaveBeenCalledTimes(1);
  });

  it('discards a pending write so it is never sent, but not one in flight', async () => {
    const w = worker();
    const gate = deferred();
    w.deliver.mockImplementationOnce(() => gate.promise);
    await w.outbox.enqueue(note('c1')); // w1, in flight
    await w.outbox.enqueue(note('c1', '第二条')); // w2, waits behind it
    await vi.waitFor(() => expect(w.deliver).toHaveBeenCalledTimes(1));
    expect(await w.outbox.discard('w1')).toBe(false);
    expect(await w.outbox.discard('w2')).toBe(true);
    gate.resolve();
    await w.outbox.process();
    expect(w.deliver).toHaveBeenCalledTimes(1);
    expect((await w.outbox.list()).map((write) => [write.id, write.state])).toEqual([['w1', 'sent']]);
  });
});

describe('outbox: processing', () => {
  it('sends a write once however many process() calls run at once', async () => {
    const w = worker();
    const gate = deferred();
    w.deliver.mockImplementation(() => gate.promise);
    await w.outbox.enqueue(note('c1'));
    let settled = 0;
    const runs = [w.outbox.process(), w.outbox.process(), w.outbox.resume(), w.outbox.process()].map((run) => run.then(() => void (settled += 1)));
    await vi.waitFor(() => expect(w.deliver).toHaveBeenCalledTimes(1));
    await flush();
    expect(settled).toBe(0);
    gate.resolve();
    await Promise.all(runs);
    expect(settled).toBe(4);
    expect(w.deliver).toHaveBeenCalledTimes(1);
    expect(await w.one('w1')).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('on resume shows the stored queue, and leaves a failed write alone', async () => {
    const disk = memoryStore();
    const first = worker({ store: disk });
    first.deliver.mockRejectedValueOnce(fail('invalid-input'));
    await first.outbox.enqueue(stage('c1'));
    await first.outbox.process();

    const shown: OutboxWrite[][] = [];
    const second = worker({ store: disk, onChange: (writes) => void shown.push(writes) });
    await second.outbox.resume();
    expect(shown).toEqual([[expect.objectContaining({ id: 'w1', state: 'failed', lastError: expect.objectContaining({ code: 'invalid-input' }) })]]);
    expect(second.deliver).not.toHaveBeenCalled();
  });

  it('tells the panel each state a write goes through', async () => {
    const states: string[] = [];
    const w = worker({ onChange: (writes) => void states.push(writes.map((write) => write.state).join(',')) });
    await w.outbox.enqueue(stage('c1'));
    await w.outbox.process();
    expect(states).toEqual(['pending', 'sending', 'sent']);
  });

  it('keeps sent writes a while for the panel, then prunes them', async () => {
    const w = worker({ keepSent: { count: 2, ageMs: 60_000 } });
    for (const customer of ['a', 'b', 'c']) {
      await w.outbox.enqueue(stage(customer));
      await w.outbox.process();
      w.advance(1_000);
    }
    expect((await w.outbox.list()).map((write) => write.id)).toEqual(['w2', 'w3']);
    w.advance(60_000);
    await w.outbox.enqueue(stage('d'));
    await w.outbox.process();
    expect((await w.outbox.list()).map((write) => write.id)).toEqual(['w4']);
  });
});
