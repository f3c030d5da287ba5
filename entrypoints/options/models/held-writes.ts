// The queued writes that wait for another CRM connection than the current one: made before the agent
// switched CRMs, invisible in the panel (whose customers now come from the other CRM), so listed here,
// each discardable after a confirmation. The queue is read from the background's mirror in session
// storage and followed as long as the model lives; the current connection is the connection form's.
import { computed, signal } from '@preact/signals';
import { type Client, type RequestError, toRequestError } from '@/lib/messaging/client';
import type { OutboxWrite } from '@/lib/outbox/types';
import { followItem } from '@/lib/signals/follow-item';
import { ownedModel } from '@/lib/signals/owned-model';
import { outboxViewItem } from '@/lib/storage';
import type { ConnectionFormModel } from './connection-form';

export function createHeldWritesModel({ client, connectionForm: { saved } }: { client: Client; connectionForm: Pick<ConnectionFormModel, 'saved'> }) {
  return ownedModel((own) => {
    const queued = signal<OutboxWrite[]>([]);
    /** The write whose discard the agent is being asked to confirm. */
    const confirmingDiscard = signal<string | undefined>(undefined);
    const discardError = signal<RequestError | undefined>(undefined);

    const heldWrites = computed(() =>
      queued.value.filter((write) => write.state !== 'sent' && write.connection !== undefined && write.connection !== saved.value?.connection),
    );

    async function discardHeldWrite(id: string) {
      confirmingDiscard.value = undefined;
      try {
        // Refused only when it is on its way after all (its CRM is back): the mirror then shows it leave.
        const { ok } = await client.request('write.discard', { id });
        discardError.value = undefined;
        if (ok) queued.value = queued.value.filter((write) => write.id !== id);
      } catch (error) {
        discardError.value = toRequestError(error);
      }
    }

    followItem(own, outboxViewItem, (writes) => (queued.value = writes ?? []));
    return { heldWrites, confirmingDiscard, discardError, discardHeldWrite };
  });
}

export type HeldWritesModel = ReturnType<typeof createHeldWritesModel>;
