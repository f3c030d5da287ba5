// Runs the durable write queue in the service worker: delivery through the current CRM session,
// wake-ups by alarm (which survive the worker) and by timer (alarms fire no sooner than ~30 s), and
// the queue's state mirrored to session storage for the panel, and each write that settled told. Only the background imports it.
import { browser } from 'wxt/browser';
import { CRM_REQUEST_TIMEOUT_MS } from '@/lib/crm/errors';
import type { CrmSession } from '@/lib/crm/session';
import { createCrmDelivery } from '@/lib/outbox/delivery';
import { createOutbox } from '@/lib/outbox/outbox';
import { createIndexedDbOutboxStore } from '@/lib/outbox/store';
import type { OutboxWrite } from '@/lib/outbox/types';
import { outboxViewItem } from '@/lib/storage';

const ALARM = 'crm-sidebar-outbox';
const EARLIEST_ALARM_MS = 30_000;

/**
 * `onSettled` hears of each write that landed or failed for good since the worker started, so the card
 * can show what the CRM now holds.
 */
export function startOutbox(session: CrmSession, onSettled: (write: OutboxWrite) => void = () => undefined) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The state each write was last seen in; undefined until the stored queue was first shown. */
  let seen: Map<string, OutboxWrite['state']> | undefined;
  const outbox = createOutbox({
    store: createIndexedDbOutboxStore(),
    connection: () => session.connectionKey(),
    ...createCrmDelivery({ backend: (madeFor) => session.backend(madeFor) }),
    requestTimeoutMs: CRM_REQUEST_TIMEOUT_MS,
    schedule(at) {
      // The alarm wakes a worker that was stopped; the timer keeps short backoffs short while it lives.
      void browser.alarms.create(ALARM, { when: Math.max(at, Date.now() + EARLIEST_ALARM_MS) });
      clearTimeout(timer);
      timer = setTimeout(() => void outbox.process(), Math.max(0, at - Date.now()));
    },
    onChange(writes) {
      void outboxViewItem.setValue(writes);
      const settled = seen ? writes.filter((write) => (write.state === 'sent' || write.state === 'failed') && seen!.get(write.id) !== write.state) : [];
      seen = new Map(writes.map((write) => [write.id, write.state]));
      settled.forEach(onSettled);
    },
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void outbox.process();
  });
  void outbox.resume();
  return outbox;
}
