import { describe, expect, it } from 'vitest';
import type { Stage } from '@/lib/crm/domain';
import type { CustomerCard } from '@/lib/crm/views';

import { fakeClient } from '@/lib/messaging/fake-client.testing';
import { lookupOnScreen } from './lookup.testing';
import { createStageModel } from './stage';

const { client, request } = fakeClient();
const { lookup, showLookup } = lookupOnScreen(client);
const { loadStage, stages } = createStageModel({ client, lookup });

const intent: Stage = { id: 's-intent', name: '意向确定', order: 2 };
const payment: Stage = { id: 's-pay', name: '付款流程', order: 3 };
const card = (id: string, updatedAt: number): CustomerCard =>
  ({ customer: { id, nick: id, phones: [], emails: [], labelIds: [], customFields: [], region: {}, vip: false, updatedAt }, labels: [] }) as CustomerCard;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((ok) => (resolve = ok));
  return { promise, resolve };
}

describe('the stage model', () => {
  it('asks for the stage of the card on screen with the card’s update time, again when the card is revalidated', () => {
    request.mockResolvedValue({ stage: intent, readAt: 1 });
    const contact = { kind: 'phone' as const, value: '+8613812345678' };
    showLookup({ status: 'found', contact, cards: [card('c1', 1_700_000_000_000)], selectedId: 'c1', revalidating: true });
    showLookup({ status: 'found', contact, cards: [card('c1', 1_700_000_060_000)], selectedId: 'c1', revalidating: false });
    expect(request.mock.calls).toEqual([
      ['customer.stage', { customerId: 'c1', updatedAt: 1_700_000_000_000 }],
      ['customer.stage', { customerId: 'c1', updatedAt: 1_700_000_060_000 }],
    ]);
  });

  it('keeps the newest request’s answer when an older one arrives after it', async () => {
    const older = deferred<unknown>();
    request.mockReturnValueOnce(older.promise).mockResolvedValueOnce({ stage: payment, readAt: 2_000 });
    const first = loadStage('c2', 1_000);
    await loadStage('c2', 1_500);
    older.resolve({ stage: intent, readAt: 1_000 });
    await first;
    expect(stages.value.c2).toEqual({ status: 'loaded', stage: payment, readAt: 2_000 });
  });

  it('shows the stage and note it had while a newer version of the customer is read, and only a first read as loading', async () => {
    const reread = deferred<unknown>();
    const note = { actor: '王斌', at: 1_000, text: '约了周四下午电话沟通' };
    request.mockReturnValueOnce(new Promise(() => undefined));
    void loadStage('c3', 1_000);
    expect(stages.value.c3).toEqual({ status: 'loading' });
    request.mockResolvedValueOnce({ stage: intent, readAt: 1_000, latestNote: note });
    await loadStage('c3', 1_000);
    request.mockReturnValueOnce(reread.promise);
    const again = loadStage('c3', 2_000);
    expect(stages.value.c3).toEqual({ status: 'loaded', stage: intent, readAt: 1_000, latestNote: note });
    reread.resolve({ stage: payment, readAt: 2_000, latestNote: note });
    await again;
    expect(stages.value.c3).toEqual({ status: 'loaded', stage: payment, readAt: 2_000, latestNote: note });
  });
});
