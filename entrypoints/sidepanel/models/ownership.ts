// Who owns the customer on screen: "Assign to me", "Assign to…" and "Return to the public pool", each
// confirmed first, each ending in a visible result (the background puts the CRM's new version of the
// card on screen). Invariant: a confirmation belongs to the customer it was opened for; confirming it
// writes to that customer, whatever is on screen then, and it is cancelled if they leave the screen.
import { signal } from '@preact/signals';
import type { AgentRef, Customer } from '@/lib/crm/domain';
import { toRequestError, type Client, type RequestError } from '@/lib/messaging/client';
import { ownedModel } from '@/lib/signals/owned-model';

export type OwnershipAction = { kind: 'assign'; agent: AgentRef } | { kind: 'return' };

/** A confirmation asked, with the customer it was asked about, captured when the agent opened it. */
export interface PendingOwnership {
  action: OwnershipAction;
  customerId: string;
  customerName: string;
  from: Customer['crmStatus'];
}

export function createOwnershipModel({ client }: { client: Client }) {
  return ownedModel(() => {
    const pendingAction = signal<PendingOwnership | undefined>(undefined);
    const agentPickerOpen = signal(false);
    const agentChoices = signal<AgentRef[]>([]);
    const ownershipBusy = signal(false);
    const ownershipResult = signal<(({ ok: true; action: OwnershipAction } | { ok: false; error: RequestError }) & { customerId?: string }) | undefined>(
      undefined,
    );

    function ask(action: OwnershipAction, customer: Customer, customerName: string) {
      ownershipResult.value = undefined;
      pendingAction.value = { action, customerId: customer.id, customerName, from: customer.crmStatus };
      agentPickerOpen.value = false;
    }

    function cancel() {
      pendingAction.value = undefined;
      agentPickerOpen.value = false;
    }

    async function openAgentPicker() {
      ownershipResult.value = undefined;
      agentPickerOpen.value = true;
      if (agentChoices.value.length === 0) {
        try {
          agentChoices.value = await client.request('directory.agents', {});
        } catch (error) {
          ownershipResult.value = { ok: false, error: toRequestError(error) };
        }
      }
    }

    /** Carries out the confirmation for the customer it was asked about. */
    async function confirmAction() {
      const pending = pendingAction.value;
      if (!pending) return;
      const { action, customerId } = pending;
      ownershipBusy.value = true;
      try {
        if (action.kind === 'assign') await client.request('customer.assign', { customerId, agent: action.agent, from: pending.from });
        else await client.request('customer.returnToPool', { customerId });
        ownershipResult.value = { ok: true, action, customerId };
      } catch (error) {
        ownershipResult.value = { ok: false, error: toRequestError(error), customerId };
      } finally {
        ownershipBusy.value = false;
        pendingAction.value = undefined;
      }
    }
    return { pendingAction, agentPickerOpen, agentChoices, ownershipBusy, ownershipResult, ask, cancel, openAgentPicker, confirmAction };
  });
}

export type OwnershipModel = ReturnType<typeof createOwnershipModel>;
