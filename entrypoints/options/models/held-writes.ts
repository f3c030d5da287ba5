// The queued writes that wait for another CRM connection than the current one: made before the agent
// switched CRMs, invisible in the panel (whose customers now come from the other CRM), so listed here,
// each discardable after a confirmation.
import { computed, signal } from '@preact/signals';
import { request, type RequestError, toRequestError } from '@/lib/messaging/client';
import type { OutboxWrite } from '@/lib/outbox/types';
import { outboxViewItem } from '@/lib/storage';
import { saved } from './connection-form';

const queued = signal<OutboxWrite[]>([]);
/** The write whose discard the agent is being asked to confirm. */
export const confirmingDiscard = signal<string | undefined>(undefined);
export const discardError = signal<RequestError | undefined>(undefined);

export const heldWrites = computed(() =>
  queued.value.filter((write) => write.state !== 'sent' && write.connection !== undefined && write.connection !== saved.value?.connection),
);

export function startWatchingHeldWrites() {
  void outboxViewItem.getValue().then((writes) => (queued.value = writes ?? []));
  outboxViewItem.watch((writes) => (queued.value = writes ?? []));
}

export async function discardHeldWrite(id: string) {
  confirmingDiscard.value = undefined;
  try {
    // Refused only when it is on its way after all (its CRM is back): the mirror then shows it leave.
    const { ok } = await request('write.discard', { id });
    discardError.value = undefined;
    if (ok) queued.value = queued.value.filter((write) => write.id !== id);
  } catch (error) {
    discardError.value = toRequestError(error);
  }
}
