// The agent's queued CRM writes as the panel sees them: the background's outbox, mirrored from session
// storage, plus the writes this panel asked for that the mirror does not show yet. The other write
// models and the panel's glue are given it. Invariant: a write is on screen from the click until the
// outbox drops it; it never blinks out while the request to queue it is under way.
import { computed, signal } from '@preact/signals';
import { describeFailure, t } from '@/lib/i18n';
import { toRequestError, type Client } from '@/lib/messaging/client';
import type { RequestOf } from '@/lib/messaging/protocol';
import type { OutboxWrite } from '@/lib/outbox/types';
import { followItem } from '@/lib/signals/follow-item';
import { ownedModel } from '@/lib/signals/owned-model';
import { outboxViewItem } from '@/lib/storage';
import type { SettingsModel } from './settings';

export { describeWrite } from '@/lib/outbox/describe';

export type NewWrite = RequestOf<'write.enqueue'>;

export function createWritesModel({ client, settings: { settingsView } }: { client: Client; settings: Pick<SettingsModel, 'settingsView'> }) {
  return ownedModel((own) => {
    /** The background's queue, as last mirrored to session storage. */
    const mirrored = signal<OutboxWrite[]>([]);
    /** Asked for here and not in the mirror yet; 'failed' when the background could not even queue it. */
    const requested = signal<OutboxWrite[]>([]);
    /** Writes the background never accepted: retrying them means asking it to queue them again. */
    const notQueued = new Map<string, NewWrite>();

    /**
     * The queue as it concerns the CRM connected now. A write made for another CRM (before the agent
     * switched) is about that CRM's customer, even when an id here is the same: the options page lists it.
     */
    const outboxWrites = computed<OutboxWrite[]>(() => {
      const view = settingsView.value;
      const ours = (write: OutboxWrite) => !view || write.connection === undefined || write.connection === view.connection;
      const known = new Set(mirrored.value.map((write) => write.id));
      return [...mirrored.value.filter(ours), ...requested.value.filter((write) => !known.has(write.id))];
    });

    /** When this panel opened: writes sent before it are old news, not "your changes". */
    const panelOpenedAt = Date.now();

    function writesOf(customerId: string): OutboxWrite[] {
      return outboxWrites.value.filter((write) => write.customerId === customerId);
    }

    function placeholder(write: NewWrite, at: number): OutboxWrite {
      return { ...write, createdAt: at, attempts: 0, state: 'pending', nextAttemptAt: at } as OutboxWrite;
    }

    function setRequested(id: string, next: OutboxWrite | undefined) {
      const rest = requested.value.filter((write) => write.id !== id);
      requested.value = next ? [...rest, next] : rest;
    }

    async function ask(write: NewWrite, shown: OutboxWrite) {
      try {
        const queued = await client.request('write.enqueue', write);
        notQueued.delete(write.id);
        // The mirror may already hold a newer state of it; the background's answer only fills the gap.
        if (mirrored.value.some((each) => each.id === write.id)) setRequested(write.id, undefined);
        else setRequested(write.id, queued);
      } catch (error) {
        const failure = toRequestError(error);
        notQueued.set(write.id, write);
        setRequested(write.id, { ...shown, state: 'failed', lastError: { code: failure.code, message: failure.message, crmCode: failure.crmCode } });
      }
    }

    /** Shows the write at once (optimistic) and asks the background to queue it durably. */
    function enqueueWrite(write: NewWrite): Promise<void> {
      const shown = placeholder(write, Date.now());
      setRequested(write.id, shown);
      return ask(write, shown);
    }

    async function retryWrite(id: string) {
      const unqueued = notQueued.get(id);
      if (unqueued) {
        const shown = placeholder(unqueued, Date.now());
        setRequested(id, shown);
        return ask(unqueued, shown);
      }
      await client.request('write.retry', { id }).catch(() => undefined);
    }

    async function discardWrite(id: string) {
      if (notQueued.delete(id)) {
        setRequested(id, undefined);
        return;
      }
      await client.request('write.discard', { id }).catch(() => undefined);
    }

    function mirror(writes: OutboxWrite[] | null) {
      mirrored.value = writes ?? [];
      const known = new Set(mirrored.value.map((write) => write.id));
      if (requested.value.some((write) => known.has(write.id))) requested.value = requested.value.filter((write) => !known.has(write.id));
    }

    // Follows the outbox's mirror: every state change of every write shows without asking.
    followItem(own, outboxViewItem, mirror);
    return { outboxWrites, panelOpenedAt, writesOf, enqueueWrite, retryWrite, discardWrite };
  });
}

export type WritesModel = ReturnType<typeof createWritesModel>;
/**
 * The writes the panel's one status element lists — labels, stage, notes and fields alike, of every
 * customer: those still on their way or failed, and the last few sent since the panel opened (so the
 * agent sees "saved" without the list growing all day).
 */
export function writesToShow(writes: OutboxWrite[], since: number, keepSent = 3): OutboxWrite[] {
  const recentSent = new Set(writes.filter((write) => write.state === 'sent' && write.createdAt >= since).slice(-keepSent));
  return writes.filter((write) => write.state !== 'sent' || recentSent.has(write));
}

/** Error codes that mean the CRM cannot be reached at all, rather than that it refused something. */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['unreachable', 'timeout']);

export function meansUnreachable(error: { code: string } | undefined): boolean {
  return error !== undefined && UNREACHABLE_CODES.has(error.code);
}

export interface WritesSummary {
  tone: 'failed' | 'retrying' | 'waiting' | 'saved';
  text: string;
  unreachable: boolean;
}

/** "2 changes waiting · CRM unreachable · retrying in 30 s", or "Saved", for the writes listed. */
export function summarizeWrites(writes: OutboxWrite[], now: number): WritesSummary | undefined {
  if (writes.length === 0) return undefined;
  const failed = writes.filter((write) => write.state === 'failed').length;
  const waiting = writes.filter((write) => write.state === 'pending' || write.state === 'sending');
  const retrying = waiting.filter((write) => write.state === 'pending' && write.lastError);
  const unreachable = retrying.some((write) => meansUnreachable(write.lastError));
  const parts: string[] = [];
  if (failed) parts.push(failed === 1 ? t('writesFailedOne') : t('writesFailedCount', String(failed)));
  if (waiting.length) parts.push(waiting.length === 1 ? t('writesWaitingOne') : t('writesWaitingCount', String(waiting.length)));
  if (unreachable) parts.push(t('crmUnreachable'));
  const nextTry = Math.min(...retrying.map((write) => write.nextAttemptAt));
  if (retrying.length && nextTry > now) parts.push(t('retryingIn', String(Math.ceil((nextTry - now) / 1000))));
  if (parts.length === 0) return { tone: 'saved', text: t('writesAllSaved'), unreachable: false };
  return { tone: failed ? 'failed' : retrying.length ? 'retrying' : 'waiting', text: parts.join(' · '), unreachable };
}

/** The reason a write did not land, in the agent's words only (the CRM's own text is behind "details"). */
export function writeReason(error: { code: string; crmCode?: string }): string {
  return describeFailure(error);
}

export function writeStateText(write: OutboxWrite): string {
  switch (write.state) {
    case 'pending':
      return write.lastError ? t('writeRetrying', writeReason(write.lastError)) : t('writePending');
    case 'sending':
      return t('writeSending');
    case 'sent':
      return t('writeSent');
    case 'failed':
      return t('writeFailed', write.lastError ? writeReason(write.lastError) : t('errorInternal'));
  }
}
