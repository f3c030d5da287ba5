// The end of a chaos run, once every fault is off: waits, within a bound, until the outbox has
// delivered every write the agent made, doing only what the agent could do from the panel.
// Invariant: Retry is pressed at most once per write, and only on a write that failed or is waiting
// out a backoff longer than the outbox's own timer would take; a write stuck for any other reason stays
// stuck, for the report to show.
import type { PanelDriver } from './panel';
import type { WriteTracker } from './tracker';

/** A wait the outbox's own timer ends soon enough: Retry only hurries writes backing off longer. */
const RETRY_IF_WAITING_MORE_THAN_MS = 2_000;
const POLL_MS = 300;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers how many writes Retry was pressed on. */
export async function drainOutbox(panel: PanelDriver, tracker: WriteTracker, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const retried = new Set<string>();
  while (Date.now() < deadline) {
    tracker.observe(await panel.outboxView());
    const unsettled = tracker.unsettled();
    if (unsettled.length === 0) break;
    for (const { id, shown } of unsettled) {
      const backingOff = shown?.state === 'pending' && shown.nextAttemptAt > Date.now() + RETRY_IF_WAITING_MORE_THAN_MS;
      if ((shown?.state !== 'failed' && !backingOff) || retried.has(id)) continue;
      retried.add(id);
      await panel.send('write.retry', { id });
    }
    // A stopped worker wakes for a message (or its alarm, ≥ 30 s later); any message will do.
    await panel.send('settings.get', {});
    await pause(POLL_MS);
  }
  return retried.size;
}
