// Who owns the customer on screen: "Assign to me", "Assign to…" and "Return to the public pool", each
// confirmed first, each ending in a visible result and the card as the CRM now has it.
import { signal } from '@preact/signals';
import type { AgentRef, Customer } from '@/lib/crm/domain';
import { request, RequestError } from '@/lib/messaging/client';
import { replaceCard } from './lookup';

export type OwnershipAction = { kind: 'assign'; agent: AgentRef } | { kind: 'return' };

export const pendingAction = signal<OwnershipAction | undefined>(undefined);
export const agentPickerOpen = signal(false);
export const agentChoices = signal<AgentRef[]>([]);
export const ownershipBusy = signal(false);
export const ownershipResult = signal<({ ok: true; action: OwnershipAction } | { ok: false; error: RequestError }) & { customerId?: string } | undefined>(undefined);

export function ask(action: OwnershipAction) {
  ownershipResult.value = undefined;
  pendingAction.value = action;
  agentPickerOpen.value = false;
}

export function cancel() {
  pendingAction.value = undefined;
  agentPickerOpen.value = false;
}

export async function openAgentPicker() {
  ownershipResult.value = undefined;
  agentPickerOpen.value = true;
  if (agentChoices.value.length === 0) {
    try {
      agentChoices.value = await request('directory.agents', {});
    } catch (error) {
      ownershipResult.value = { ok: false, error: error instanceof RequestError ? error : new RequestError('internal', String(error)) };
    }
  }
}

export async function confirmAction(customer: Customer) {
  const action = pendingAction.value;
  if (!action) return;
  ownershipBusy.value = true;
  try {
    const card =
      action.kind === 'assign'
        ? await request('customer.assign', { customerId: customer.id, agent: action.agent, from: customer.crmStatus })
        : await request('customer.returnToPool', { customerId: customer.id });
    replaceCard(card);
    ownershipResult.value = { ok: true, action, customerId: customer.id };
  } catch (error) {
    ownershipResult.value = { ok: false, error: error instanceof RequestError ? error : new RequestError('internal', String(error)), customerId: customer.id };
  } finally {
    ownershipBusy.value = false;
    pendingAction.value = undefined;
  }
}
