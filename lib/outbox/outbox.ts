// The durable queue of the agent's CRM writes: persists each write before sending it, sends them in
// order per customer, retries with backoff, and never sends a note twice. Only the background imports
// it (it owns the one instance per service worker).
// Invariant: the store is the truth. Every state change is saved before anything acts on it, so a
// worker killed at any moment resumes from the store alone: a write it was sending is retried as
// "ambiguous" once the killed worker's request can no longer land, and a note is then checked against
// the CRM before it is sent again.
import { currentConnectionKey } from '../crm/connection-key';
import { CrmError, customerGone, serializeError } from '../crm/errors';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { NewOutboxWrite, OutboxStore, OutboxWrite } from './types';

export interface OutboxOptions {
  store: OutboxStore;
  /**
   * The CRM connection writes go through now (undefined when none is set up). A write made for another
   * waits, neither sent nor failed, until the agent connects to its CRM again.
   */
  connection(): Promise<string | undefined>;
  /** Sends one write to the CRM. Throws (a CrmError, to be retried or not) when it did not land. */
  deliver(write: OutboxWrite): Promise<void>;
  /** For a note after an ambiguous failure: did the CRM save it after all? */
  alreadyDelivered(write: OutboxWrite): Promise<boolean>;
  /** Asks to be woken (then call process()) at this time. Each call replaces the previous wish. */
  schedule(atEpochMs: number): void;
  /** The whole queue after every change, for the panel. */
  onChange?(writes: OutboxWrite[]): void;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
  /** Attempts (since enqueue or a manual retry) after which even a retryable failure leaves a write 'failed'. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /**
   * How long a CRM request may take before the client gives up on it. A request a killed worker left
   * on the wire may reach the CRM until then, so its write is neither checked nor sent again sooner.
   */
  requestTimeoutMs: number;
  /** Longer than any delivery takes: a write still 'sending' then means the worker died mid-send. */
  sendGraceMs?: number;
  /** Sent writes kept for the panel to show "sent": at most `count`, none older than `ageMs`. */
  keepSent?: { count: number; ageMs: number };
}

export interface Outbox {
  /** Persists the write, then starts processing; resolves once it is stored, not once it is sent. */
  enqueue(write: NewOutboxWrite): Promise<OutboxWrite>;
  /** Sends what is due; resolves when nothing is in flight. Safe to call any number of times at once. */
  process(): Promise<void>;
  /** On worker start: reads the store, shows it, recovers writes a killed worker left 'sending', processes. */
  resume(): Promise<void>;
  /**
   * Sends a failed (or waiting) write again now — or, when a killed worker's request for it may still
   * land, as soon as it no longer can — with a fresh attempt budget. False if not possible.
   */
  retry(id: string): Promise<boolean>;
  /**
   * The CRM no longer has the customer (merged into another, or deleted): every write for it that is not
   * sent or in flight fails for good with that reason, its payload (a note's text) kept for the agent.
   */
  customerGone(customerId: string, connection: string | undefined): Promise<void>;
  /** Drops a failed or pending write. False for a write in flight, sent, or unknown. */
  discard(id: string): Promise<boolean>;
  list(): Promise<OutboxWrite[]>;
}

/** Failures after which the CRM may have saved the write without our seeing its answer. */
const AMBIGUOUS_CODES: ReadonlySet<string> = new Set(['timeout', 'unreachable', 'http-status', 'malformed-response']);
/** Beyond the request timeout: the CRM finishing a request it took just before the client gave up. */
const LANDING_MARGIN_MS = 1_000;

type Outcome = { landed: true } | { landed: false; error: unknown };
type Patch = Partial<Pick<OutboxWrite, 'state' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'ambiguous' | 'mayLandUntil' | 'sentAt'>>;
const patched = (write: OutboxWrite, patch: Patch): OutboxWrite => ({ ...write, ...patch });

/** Per customer (of one CRM: two CRMs may share an id), the oldest write not yet sent: the only one that may be in flight or due. */
function heads(writes: OutboxWrite[]): OutboxWrite[] {
  const seen = new Set<string>();
  return writes.filter((write) => {
    const customer = `${write.connection ?? ''}|${write.customerId}`;
    if (write.state === 'sent' || seen.has(customer)) return false;
    seen.add(customer);
    return true;
  });
}

/** Fails, for good, the writes of a customer the CRM no longer has that are neither sent nor in flight. */
function failedAsGone(list: OutboxWrite[], customerId: string, connection: string | undefined): OutboxWrite[] {
  return list.map((write) =>
    write.customerId === customerId && (write.state === 'pending' || write.state === 'failed') && madeFor(write, connection)
      ? patched(write, { state: 'failed', lastError: serializeError(customerGone(customerId)) })
      : write,
  );
}

/** Whether the write may go through `connection`: the one it was made for, or any for a write that predates the field. */
const madeFor = (write: OutboxWrite, connection: string | undefined) =>
  write.connection === undefined || (connection !== undefined && currentConnectionKey(write.connection) === currentConnectionKey(connection));

export function createOutbox(options: OutboxOptions): Outbox {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const maxAttempts = options.maxAttempts ?? 10;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const sendGraceMs = options.sendGraceMs ?? 2 * 60_000;
  const keepSent = options.keepSent ?? { count: 50, ageMs: 24 * 60 * 60_000 };

  /** This worker's copy of the store, read once; only touched inside `locked`. */
  let writes: OutboxWrite[] | undefined;
  /** Deliveries this worker is running, by write id. A 'sending' write missing here is orphaned. */
  const inFlight = new Map<string, Promise<void>>();
  let chain: Promise<unknown> = Promise.resolve();

  /** Runs read-modify-save sections one at a time, so no change overwrites another. */
  function locked<T>(section: () => Promise<T>): Promise<T> {
    const result = chain.then(section);
    chain = result.catch(() => undefined);
    return result;
  }

  async function current(): Promise<OutboxWrite[]> {
    writes ??= await options.store.load();
    return writes;
  }

  function pruned(list: OutboxWrite[]): OutboxWrite[] {
    const cutoff = now() - keepSent.ageMs;
    const kept = new Set(
      list
        .filter((write) => write.state === 'sent' && (write.sentAt ?? 0) >= cutoff)
        .sort((a, b) => (b.sentAt ?? 0) - (a.sentAt ?? 0))
        .slice(0, keepSent.count)
        .map((write) => write.id),
    );
    return list.filter((write) => write.state !== 'sent' || kept.has(write.id));
  }

  /** Saves first; only a saved list becomes this worker's copy and is shown. */
  async function commit(next: OutboxWrite[]): Promise<OutboxWrite[]> {
    const kept = pruned(next);
    await options.store.save(kept);
    writes = kept;
    options.onChange?.([...kept]);
    return kept;
  }

  function settled(write: OutboxWrite, outcome: Outcome): OutboxWrite {
    const at = now();
    if (outcome.landed) {
      const { lastError: _lastError, ambiguous: _ambiguous, mayLandUntil: _mayLandUntil, ...rest } = write;
      return { ...rest, state: 'sent', sentAt: at } as OutboxWrite;
    }
    const { error } = outcome;
    const { code, message, crmCode } = serializeError(error);
    // Only ever set, never cleared before 'sent': a later clear failure does not undo an earlier unclear one.
    const ambiguous = !(error instanceof CrmError) || AMBIGUOUS_CODES.has(error.code);
    const retryable = error instanceof CrmError && error.retryable && write.attempts < maxAttempts;
    return patched(write, {
      state: retryable ? 'pending' : 'failed',
      nextAttemptAt: retryable ? at + backoffDelay(write.attempts, random, backoff) : write.nextAttemptAt,
      lastError: { code, message, ...(crmCode ? { crmCode } : {}) },
      ...(ambiguous ? { ambiguous: true } : {}),
    });
  }

  /**
   * A write a killed worker left 'sending', found at `at`. That worker died before `at`, so its request
   * gives up (or lands) by `at` plus the request timeout — and the whole send by the grace deadline.
   * Sending or checking sooner could race it: a note not yet on the timeline would be sent twice, and a
   * label set or stage landing late would overwrite the write that followed it.
   */
  function orphaned(write: OutboxWrite, at: number): OutboxWrite {
    const mayLandUntil = Math.min(write.nextAttemptAt, at + options.requestTimeoutMs + LANDING_MARGIN_MS);
    return patched(write, { state: 'pending', ambiguous: true, nextAttemptAt: mayLandUntil, mayLandUntil });
  }

  async function attempt(write: OutboxWrite): Promise<void> {
    let outcome: Outcome = { landed: true };
    try {
      // Notes are not idempotent; labels (a merge), stages and field updates are, so only notes are checked.
      const landedBefore = write.kind === 'note' && write.ambiguous === true && (await options.alreadyDelivered(write));
      if (!landedBefore) await options.deliver(write);
    } catch (error) {
      outcome = { landed: false, error };
    }
    try {
      await locked(async () => {
        const list = await current();
        const next = list.map((each) => (each.id === write.id ? settled(each, outcome) : each));
        // Its customer is gone: the writes queued behind it would only fail one by one, each a request.
        const gone = !outcome.landed && outcome.error instanceof CrmError && outcome.error.code === 'customer-gone';
        await commit(gone ? failedAsGone(next, write.customerId, write.connection) : next);
      });
    } finally {
      inFlight.delete(write.id);
    }
    await pump();
  }

  /**
   * The earliest time something needs this worker: a head's next attempt or a send's grace deadline.
   * A write waiting for another connection needs none: a change of connection processes the queue.
   */
  function nextWake(list: OutboxWrite[], connection: string | undefined): number | undefined {
    const times = heads(list)
      .filter((write) => write.state === 'sending' || (write.state === 'pending' && madeFor(write, connection)))
      .map((write) => write.nextAttemptAt);
    return times.length ? Math.min(...times) : undefined;
  }

  /** Starts every due head that is not in flight. */
  async function pump(): Promise<void> {
    let wake: number | undefined;
    try {
      const connection = await options.connection();
      wake = await locked(async () => {
        const list = await current();
        const at = now();
        let next = list.map((write) => (write.state === 'sending' && !inFlight.has(write.id) ? orphaned(write, at) : write));
        const due = new Set(
          heads(next)
            .filter((write) => write.state === 'pending' && write.nextAttemptAt <= at && madeFor(write, connection))
            .map((write) => write.id),
        );
        next = next.map((write) =>
          due.has(write.id) ? patched(write, { state: 'sending', attempts: write.attempts + 1, nextAttemptAt: at + sendGraceMs }) : write,
        );
        const saved = next.some((write, index) => write !== list[index]) ? await commit(next) : list;
        // Registered before the lock is released, so no other section mistakes these for orphans.
        for (const write of saved) {
          if (!due.has(write.id)) continue;
          const delivery = attempt(write);
          delivery.catch(() => undefined); // awaited by process(); this only keeps it from going unhandled
          inFlight.set(write.id, delivery);
        }
        return nextWake(saved, connection);
      });
    } catch (error) {
      // The store failed: ask to be woken soon, so what is queued is not stranded.
      options.schedule(now() + backoff.baseMs);
      throw error;
    }
    if (wake !== undefined) options.schedule(wake);
  }

  async function process(): Promise<void> {
    await pump();
    while (inFlight.size > 0) await Promise.all(inFlight.values());
  }

  /** Processing started by a change; its failures surface through the state and the next wake. */
  function kick(): void {
    process().catch(() => undefined);
  }

  return {
    async enqueue(input) {
      const connection = await options.connection();
      // A write with no CRM to belong to would go to whichever CRM is set up next: refused, not queued.
      if (connection === undefined) throw new CrmError('not-configured', 'No CRM is connected: the change was not queued.');
      const stored = await locked(async () => {
        const list = await current();
        const existing = input.id === undefined ? undefined : list.find((write) => write.id === input.id);
        if (existing) return existing;
        const at = now();
        const write = {
          ...input,
          connection,
          id: input.id ?? newId(),
          createdAt: at,
          attempts: 0,
          state: 'pending',
          nextAttemptAt: at,
        } as OutboxWrite;
        await commit([...list, write]);
        return write;
      });
      kick();
      return stored;
    },

    process,

    async resume() {
      // A fresh worker reads the store here; pump() then takes back what a killed worker left 'sending'.
      await locked(async () => options.onChange?.([...(await current())]));
      await process();
    },

    async retry(id) {
      const changed = await locked(async () => {
        const list = await current();
        const target = list.find((write) => write.id === id);
        if (!target || (target.state !== 'failed' && target.state !== 'pending')) return false;
        const attempts = target.state === 'failed' ? 0 : target.attempts;
        const nextAttemptAt = Math.max(now(), target.mayLandUntil ?? 0);
        await commit(list.map((write) => (write === target ? patched(write, { state: 'pending', attempts, nextAttemptAt }) : write)));
        return true;
      });
      if (changed) kick();
      return changed;
    },

    async customerGone(customerId, connection) {
      await locked(async () => {
        const list = await current();
        const next = failedAsGone(list, customerId, connection);
        if (next.some((write, index) => write !== list[index])) await commit(next);
      });
    },

    async discard(id) {
      const changed = await locked(async () => {
        const list = await current();
        const target = list.find((write) => write.id === id);
        if (!target || (target.state !== 'failed' && target.state !== 'pending')) return false;
        await commit(list.filter((write) => write !== target));
        return true;
      });
      // The customer's next write may now be the head.
      if (changed) kick();
      return changed;
    },

    list: () => locked(async () => [...(await current())]),
  };
}
