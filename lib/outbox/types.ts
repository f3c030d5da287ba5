// The shape of one queued CRM write and of what stores it. Types only; the background, and the
// messaging protocol that shows write states to the panel, may import them.
// Invariant: a write is plain data (structured-cloneable), so it can sit in IndexedDB as it is.
import type { StageType } from '../crm/backend';
import type { CustomerInput, LabelRef } from '../crm/domain';

interface OutboxPayloads {
  /** The agent's change, merged into the labels read right before writing (lib/crm/label-delta.ts). */
  labels: { add: LabelRef[]; remove: string[] };
  stage: { stage: { id: string; name: string }; type: StageType };
  note: { content: string };
  /** Basic and custom fields to change on an existing customer. */
  customer: CustomerInput;
}

type OutboxKind = keyof OutboxPayloads;
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

interface Bookkeeping {
  id: string;
  customerId: string;
  /**
   * The CRM connection the write was made for (CrmSession.connectionKey): it is sent through that
   * connection only, and waits while the agent is connected to another. Absent on writes stored before.
   */
  connection?: string;
  createdAt: number;
  /** Deliveries started since enqueue or the last manual retry, one cut short by a killed worker included. */
  attempts: number;
  state: OutboxState;
  /** pending: not before this time. sending: if still sending then, the worker died mid-send. */
  nextAttemptAt: number;
  lastError?: { code: string; message: string; crmCode?: string };
  /** An earlier attempt may have reached the CRM without us seeing the answer. */
  ambiguous?: boolean;
  /** A request a killed worker left on the wire may reach the CRM until then: nothing is checked or sent before. */
  mayLandUntil?: number;
  sentAt?: number;
}

type WriteOf<K extends OutboxKind> = Bookkeeping & { kind: K; payload: OutboxPayloads[K] };
export type OutboxWrite = { [K in OutboxKind]: WriteOf<K> }[OutboxKind];

/** What the caller enqueues. An id chosen by the caller makes a resent request enqueue nothing new. */
export type NewOutboxWrite = {
  [K in OutboxKind]: { id?: string; customerId: string; kind: K; payload: OutboxPayloads[K] };
}[OutboxKind];

export interface OutboxStore {
  /** Every write, in the order they were enqueued. */
  load(): Promise<OutboxWrite[]>;
  /** Replaces everything stored, atomically. */
  save(writes: OutboxWrite[]): Promise<void>;
}
