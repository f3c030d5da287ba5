// Handlers for the agent's writes (write.*: labels, stage, notes): each write is queued durably and
// answered at once; delivery, retries and exactly-once are the outbox's job.
import type { MessagesIn } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/server';
import type { HandlerDependencies } from './dependencies';

export function writeHandlers({ outbox }: Pick<HandlerDependencies, 'outbox'>): Pick<Handlers, MessagesIn<'write'>> {
  return {
    'write.enqueue': (write) => outbox.enqueue(write),
    'write.retry': async ({ id }) => ({ ok: await outbox.retry(id) }),
    'write.discard': async ({ id }) => ({ ok: await outbox.discard(id) }),
  };
}
