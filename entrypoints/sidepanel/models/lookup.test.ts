import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerCard, LookupAnswer } from '@/lib/messaging/protocol';

const request = vi.fn();
vi.mock('@/lib/messaging/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/messaging/client')>()),
  request: (...args: unknown[]) => request(...args),
}));

const { lookedUpValue, lookUp, lookupState } = await import('./lookup');
const { effect } = await import('@preact/signals');
const { RequestError } = await import('@/lib/messaging/client');

const card = (id: string, nick: string): CustomerCard =>
  ({ customer: { id, nick, phones: [], emails: [], labelIds: [], customFields: [], region: {}, vip: false }, labels: [] }) as CustomerCard;
const contact = { kind: 'phone' as const, value: '+8613812345678' };

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

describe('lookup model', () => {
  beforeEach(() => {
    request.mockReset();
  });

  it('shows a cached customer at once, then the CRM’s answer', async () => {
    const fresh = deferred<LookupAnswer>();
    request.mockImplementation((type: string) =>
      type === 'customer.cached' ? Promise.resolve({ tried: [], cards: [card('c1', '张伟（缓存）')] }) : fresh.promise,
    );
    const done = lookUp(contact);
    await vi.waitFor(() => expect(lookupState.value).toMatchObject({ status: 'found', revalidating: true }));
    fresh.resolve({ tried: ['13812345678'], cards: [card('c1', '张伟')] });
    await done;
    expect(lookupState.value).toMatchObject({ status: 'found', revalidating: false, selectedId: 'c1', cards: [{ customer: { nick: '张伟' } }] });
  });

  it('keeps the cached cards themselves when the CRM answers the same, so nothing read per card is read again', async () => {
    const same = (): LookupAnswer => ({ tried: ['13812345678'], cards: [card('c1', '张伟')] });
    request.mockImplementation(() => Promise.resolve(same()));
    const shown: { revalidating: boolean; cards: CustomerCard[] }[] = [];
    const stop = effect(() => {
      const state = lookupState.value;
      if (state.status === 'found') shown.push(state);
    });
    shown.length = 0; // what the previous test left on screen
    try {
      await lookUp(contact);
    } finally {
      stop();
    }
    expect(shown.map((state) => state.revalidating)).toEqual([true, false]);
    expect(shown[1]!.cards).toBe(shown[0]!.cards);
  });

  it('keeps the cached card when revalidation fails', async () => {
    request.mockImplementation((type: string) =>
      type === 'customer.cached' ? Promise.resolve({ tried: [], cards: [card('c1', '张伟')] }) : Promise.reject(new RequestError('unreachable', 'down')),
    );
    await lookUp(contact);
    expect(lookupState.value).toMatchObject({ status: 'found', revalidating: false });
  });

  it('never lets a slow answer for an old contact replace the current one', async () => {
    const slow = deferred<LookupAnswer>();
    request.mockImplementation((type: string, payload: { value: string }) => {
      if (type === 'customer.cached') return Promise.resolve(null);
      return payload.value === '+8613900000000' ? slow.promise : Promise.resolve({ tried: [], cards: [card('c2', '李娜')] });
    });
    const first = lookUp({ kind: 'phone', value: '+8613900000000' });
    await lookUp(contact);
    slow.resolve({ tried: [], cards: [card('old', '旧客户')] });
    await first;
    expect(lookupState.value).toMatchObject({ status: 'found', contact, cards: [{ customer: { id: 'c2' } }] });
  });

  it('says not found with the spellings tried, and shows an error it can explain', async () => {
    request.mockImplementation((type: string) => (type === 'customer.cached' ? Promise.resolve(null) : Promise.resolve({ tried: ['a', 'b'], cards: [] })));
    await lookUp(contact);
    expect(lookupState.value).toEqual({ status: 'not-found', contact, tried: ['a', 'b'] });
    request.mockImplementation((type: string) => (type === 'customer.cached' ? Promise.resolve(null) : Promise.reject(new RequestError('bad-signature', 'x'))));
    await lookUp(contact);
    expect(lookupState.value).toMatchObject({ status: 'error', error: { code: 'bad-signature' } });
  });

  it('names the contact being looked up, and does not change that name when only the answer arrives', async () => {
    const fresh = deferred<LookupAnswer>();
    const other = { kind: 'phone' as const, value: '+8613700000000' };
    request.mockImplementation((type: string, payload: { value: string }) => {
      if (type === 'customer.cached') return Promise.resolve(null);
      return payload.value === other.value ? Promise.resolve({ tried: [], cards: [] }) : fresh.promise;
    });
    await lookUp(other);
    const seen: (string | undefined)[] = [];
    const stop = effect(() => {
      seen.push(lookedUpValue.value);
    });
    try {
      const done = lookUp(contact);
      fresh.resolve({ tried: [], cards: [card('c1', '张伟')] });
      await done;
      expect(lookupState.value).toMatchObject({ status: 'found' });
      expect(seen).toEqual([other.value, contact.value]);
    } finally {
      stop();
    }
  });
});
