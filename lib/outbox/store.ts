// Keeps the outbox in the extension origin's IndexedDB: writes carry customer data (notes, phone
// numbers), which content scripts must not read (they could read storage.local), and must survive a
// service-worker restart and the browser staying closed. Only the background imports it.
// Invariant: the queue is one record, written in one transaction, so a save is all or nothing and the
// enqueue order (which is the delivery order per customer) is kept exactly.
import { openKeyValue } from '../idb';
import type { StageType } from '../crm/backend';
import type { OutboxStore, OutboxWrite } from './types';

const KEY = 'writes';

/** Stage writes queued by earlier versions carry Sobot's stage_type codes; they are read as the words used now. */
const STAGE_WORDS: Record<number, StageType> = { 1: 'ongoing', 21: 'won', 22: 'lost', 23: 'invalid' };

function withStageWords(write: OutboxWrite): OutboxWrite {
  if (write.kind !== 'stage' || typeof write.payload.type !== 'number') return write;
  return { ...write, payload: { ...write.payload, type: STAGE_WORDS[write.payload.type] ?? 'ongoing' } };
}

export function createIndexedDbOutboxStore(indexedDb: IDBFactory = globalThis.indexedDB): OutboxStore {
  const store = openKeyValue(indexedDb, 'crm-sidebar-outbox', 'outbox');
  return {
    async load() {
      const stored = await store.get<unknown>(KEY);
      return Array.isArray(stored) ? (stored as OutboxWrite[]).map(withStageWords) : [];
    },
    save: (writes) => store.put(KEY, writes),
  };
}
