// Where each write the agent enqueued stands, as far as the outbox's mirror in session storage shows.
// Pure bookkeeping over the views the run reads.
// Invariant: a write counts as delivered only once a view showed it 'sent', or once it left the view
// after a view had shown it (the outbox drops only sent writes; the run never discards one).
import type { OutboxWrite } from '../../lib/outbox/types';

type WriteStatus = 'delivered' | 'failed' | 'waiting';

export interface WriteTracker {
  enqueued(write: { id: string; customerId: string; kind: OutboxWrite['kind'] }): void;
  observe(view: readonly OutboxWrite[]): void;
  /** Each change of the write the views showed, with when (ms since `startedAt`): for diagnosis. */
  history(id: string): { at: number; what: string }[];
  status(id: string): WriteStatus;
  /** Writes not yet delivered, with what the last view said of them (undefined: not in it yet). */
  unsettled(): { id: string; shown?: OutboxWrite }[];
  /** Whether a label write for this customer may still reach the CRM. */
  labelsInFlight(customerId: string): boolean;
  counts(): WriteCounts;
}

export interface WriteCounts {
  enqueued: number;
  delivered: number;
  failed: number;
  waiting: number;
  /** Writes a view showed needing more than one attempt: how much the chaos bit. */
  retried: number;
  /** Of those, writes a view showed as possibly landed already (an ambiguous failure or a killed worker). */
  ambiguous: number;
}

function describe(write: OutboxWrite | undefined): string {
  if (!write) return 'gone from the view';
  const error = write.lastError ? ` after ${write.lastError.code}` : '';
  return `${write.state}, attempt ${write.attempts}${write.ambiguous ? ', ambiguous' : ''}${error}`;
}

/** `startedAt`: the time histories count from. */
export function createWriteTracker(startedAt = Date.now()): WriteTracker {
  const now = () => Date.now() - startedAt;
  const writes = new Map<string, { customerId: string; kind: OutboxWrite['kind'] }>();
  const histories = new Map<string, { at: number; what: string }[]>();
  const everShown = new Set<string>();
  const retried = new Set<string>();
  const ambiguous = new Set<string>();
  const delivered = new Set<string>();
  let lastView = new Map<string, OutboxWrite>();

  function status(id: string): WriteStatus {
    if (delivered.has(id)) return 'delivered';
    return lastView.get(id)?.state === 'failed' ? 'failed' : 'waiting';
  }

  return {
    enqueued(write) {
      writes.set(write.id, { customerId: write.customerId, kind: write.kind });
      histories.set(write.id, [{ at: now(), what: 'enqueued' }]);
    },

    observe(view) {
      lastView = new Map(view.map((write) => [write.id, write]));
      for (const id of writes.keys()) {
        const shown = lastView.get(id);
        const history = histories.get(id)!;
        const what = describe(shown);
        if ((shown || everShown.has(id)) && history.at(-1)?.what !== what) history.push({ at: now(), what });
        if (shown?.state === 'sent' || (!shown && everShown.has(id))) delivered.add(id);
        if (shown) everShown.add(id);
        if (shown && shown.attempts > 1) retried.add(id);
        if (shown?.ambiguous) ambiguous.add(id);
      }
    },

    status,

    history: (id) => [...(histories.get(id) ?? [])],

    unsettled: () => [...writes.keys()].filter((id) => !delivered.has(id)).map((id) => ({ id, shown: lastView.get(id) })),

    labelsInFlight: (customerId) => [...writes].some(([id, write]) => write.customerId === customerId && write.kind === 'labels' && !delivered.has(id)),

    counts() {
      const all = [...writes.keys()].map(status);
      return {
        enqueued: all.length,
        delivered: all.filter((each) => each === 'delivered').length,
        failed: all.filter((each) => each === 'failed').length,
        waiting: all.filter((each) => each === 'waiting').length,
        retried: retried.size,
        ambiguous: ambiguous.size,
      };
    },
  };
}
