// Handlers for the agent's writes (labels, stage, notes) and what the label editor reads first: each write
// is queued durably and answered at once; delivery, retries and exactly-once are the outbox's job.
import type { Handlers } from '@/lib/messaging/server';
import { CrmError } from '@/lib/crm/errors';
import type { HandlerDependencies } from './dependencies';
import { crmLists } from '../crm-lists';

type WriteMessages = 'customer.labels' | 'label.create' | 'write.enqueue' | 'write.retry' | 'write.discard';

export function writeHandlers(deps: HandlerDependencies): Pick<Handlers, WriteMessages> {
  const lists = crmLists(deps);
  return {
    async 'customer.labels'({ customerId }) {
      const backend = await deps.session.backend();
      return backend.getCustomerLabels ? backend.getCustomerLabels(customerId) : [];
    },

    async 'label.create'({ groupId, name }) {
      const backend = await deps.session.backend();
      if (!backend.createLabel) throw new CrmError('invalid-input', 'This CRM does not support creating labels.');
      const label = await backend.createLabel(groupId, name);
      await lists.forget('labelGroups');
      return label;
    },

    'write.enqueue': (write) => deps.outbox.enqueue(write),
    'write.retry': async ({ id }) => ({ ok: await deps.outbox.retry(id) }),
    'write.discard': async ({ id }) => ({ ok: await deps.outbox.discard(id) }),
  };
}
