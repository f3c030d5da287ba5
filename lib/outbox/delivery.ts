// Turns an outbox write into CRM calls, and answers whether an ambiguous note landed. Only the
// background imports it, to give createOutbox its `deliver` and `alreadyDelivered`.
// Invariant: a label write reads the customer's labels right before replacing them and applies only
// the agent's delta, so a colleague's concurrent change survives.
import type { CrmBackend } from '../crm/backend';
import { CrmError, customerGone } from '../crm/errors';
import { mergeLabelDelta } from '../crm/label-delta';
import type { OutboxWrite } from './types';

export interface CrmDeliveryOptions {
  /** The current backend, refused (CrmError 'connection-changed') when it is not the connection named. */
  backend: (madeFor?: string) => Promise<CrmBackend>;
  /**
   * How far before the write's creation a matching note still counts as this one: the CRM stamps notes
   * with its own clock. Small on purpose — a match wrongly taken for this note would lose it.
   */
  clockSkewMs?: number;
}

/** Errors in which the CRM answered and refused: the customer may be gone, which one read tells. */
const BUSINESS_REFUSALS: ReadonlySet<string> = new Set(['crm-error', 'invalid-input', 'not-found']);

function unsupported(what: string): never {
  throw new CrmError('invalid-input', `This CRM does not support ${what}.`);
}

export function createCrmDelivery(options: CrmDeliveryOptions) {
  const clockSkewMs = options.clockSkewMs ?? 30_000;

  /**
   * After the CRM refused a write: whether the customer still exists. A refusal for a customer merged
   * away or deleted becomes 'customer-gone', a reason of its own that no retry can cure.
   */
  async function refusedBecauseGone(backend: CrmBackend, write: OutboxWrite, error: unknown): Promise<never> {
    if (!(error instanceof CrmError) || !BUSINESS_REFUSALS.has(error.code)) throw error;
    const exists = await Promise.resolve(write.customerId)
      .then((id) => backend.getCustomer(id))
      .then(
        () => true,
        (probe: unknown) => !(probe instanceof CrmError && probe.code === 'not-found'),
      );
    if (exists) throw error;
    throw customerGone(write.customerId);
  }

  async function deliver(write: OutboxWrite): Promise<void> {
    const backend = await options.backend(write.connection);
    try {
      await send(backend, write);
    } catch (error) {
      await refusedBecauseGone(backend, write, error);
    }
  }

  async function send(backend: CrmBackend, write: OutboxWrite): Promise<void> {
    switch (write.kind) {
      case 'labels': {
        if (!backend.getCustomerLabels || !backend.setCustomerLabels) unsupported('labels');
        const latest = await backend.getCustomerLabels(write.customerId);
        await backend.setCustomerLabels(write.customerId, mergeLabelDelta(latest, write.payload));
        return;
      }
      case 'stage':
        if (!backend.setStage) unsupported('stages');
        await backend.setStage(write.customerId, write.payload.stage, write.payload.type);
        return;
      case 'note':
        if (!backend.addNote) unsupported('notes');
        await backend.addNote(write.customerId, write.payload.content);
        return;
      case 'customer':
        await backend.updateCustomer(write.customerId, write.payload);
        return;
    }
  }

  /** Looks for the note among the customer's latest events (the timeline's first page). */
  async function alreadyDelivered(write: OutboxWrite): Promise<boolean> {
    if (write.kind !== 'note') return false;
    const backend = await options.backend(write.connection);
    // Without a timeline nothing can be checked; sending again risks a duplicate, never a loss.
    if (!backend.listTimeline) return false;
    const { events } = await backend.listTimeline(write.customerId, 1);
    const content = write.payload.content.trim();
    return events.some((event) => event.kind === 'note' && event.text?.trim() === content && event.at >= write.createdAt - clockSkewMs);
  }

  return { deliver, alreadyDelivered };
}
