// A confirmation belongs to the customer it was opened for: whatever is on screen when it is confirmed,
// the write goes to that customer, and if they leave the screen it is cancelled, never applied to another.
import { signal } from '@preact/signals';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '@/lib/crm/domain';
import type { CustomerCard } from '@/lib/crm/views';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import { createConfirmationGuard } from './confirmation-guard';
import { lookupOnScreen } from './lookup.testing';
import { createOwnershipModel } from './ownership';
import type { StageResult } from './stage-stepper';

const { client, request } = fakeClient();
const { lookup, showLookup } = lookupOnScreen(client);
const ownership = createOwnershipModel({ client });
const { ask, confirmAction, pendingAction } = ownership;
const stepper = { pendingResult: signal<{ customerId: string; result: StageResult } | undefined>(undefined) };
const { pendingResult } = stepper;
// Guarding from the first moment, as in the panel.
const { cancelledConfirmation } = createConfirmationGuard({ lookup, ownership, stepper });

const customer = (id: string, nick: string) => ({ id, nick, crmStatus: 'following', phones: [], emails: [] }) as unknown as Customer;
const zhang = customer('c-zhang', '张伟');
const lina = customer('c-lina', '李娜');
const cardOf = (who: Customer): CustomerCard => ({ customer: who, labels: [] });
const showing = (who: Customer) =>
  showLookup({
    status: 'found',
    contact: { kind: 'phone', value: '+8613812345678' },
    cards: [cardOf(zhang), cardOf(lina)],
    selectedId: who.id,
    revalidating: false,
  });

describe('an ownership confirmation', () => {
  beforeEach(() => {
    request.mockReset();
    request.mockResolvedValue(cardOf(zhang));
    pendingAction.value = undefined;
    cancelledConfirmation.value = undefined;
  });

  it('returns the customer it was opened for to the pool, whoever is on screen when it is confirmed', async () => {
    showing(zhang);
    ask({ kind: 'return' }, zhang, '张伟');
    await confirmAction();
    expect(request).toHaveBeenCalledExactlyOnceWith('customer.returnToPool', { customerId: 'c-zhang' });
  });

  it('is cancelled, and says so, when its customer leaves the screen; nothing is written for the one shown now', async () => {
    showing(zhang);
    ask({ kind: 'assign', agent: { id: 'a1', name: '王斌' } }, zhang, '张伟');
    showing(lina);
    expect(pendingAction.value).toBeUndefined();
    expect(cancelledConfirmation.value).toBe('张伟');
    await confirmAction();
    expect(request).not.toHaveBeenCalled();
  });

  it('cancels a stage result asked for a customer who left the screen too', () => {
    showing(zhang);
    pendingResult.value = { customerId: 'c-zhang', result: 'won' };
    showing(lina);
    expect(pendingResult.value).toBeUndefined();
    expect(cancelledConfirmation.value).toBe('');
  });
});
