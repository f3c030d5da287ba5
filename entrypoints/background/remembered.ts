// Records the background keeps for next time (lookup answers, stages read), each a session-storage
// record of the newest MAX_REMEMBERED entries. Remembering never makes the agent wait: the write starts
// after the reply has gone out, one at a time, and until it lands the entry answers from memory. A worker
// stopped before it lands loses only that entry (a cache, asked again next time); a record is replaced
// whole or not at all. Only the background imports it.
import { createSerialQueue } from '@/lib/serial';
import type { Item } from '@/lib/storage';

/** Entries each remembered record keeps, newest first. */
export const MAX_REMEMBERED = 100;

export type Record_<T> = Item<Record<string, T>>;

export function createRememberedRecords() {
  const serially = createSerialQueue();
  /** Entries remembered but not yet written, per record: they answer repeats until their write lands. */
  const unsaved = new Map<unknown, Map<string, { at: number }>>();
  const unsavedOf = <T extends { at: number }>(record: Record_<T>) => {
    let entries = unsaved.get(record);
    if (!entries) unsaved.set(record, (entries = new Map()));
    return entries as Map<string, T>;
  };

  return {
    remember<T extends { at: number }>(record: Record_<T>, key: string, entry: T) {
      const pending = unsavedOf(record);
      pending.set(key, entry);
      setTimeout(() => {
        void serially(async () => {
          const all = await record.getValue();
          const kept = Object.entries(all)
            .filter(([other]) => other !== key)
            .sort(([, a], [, b]) => b.at - a.at)
            .slice(0, MAX_REMEMBERED - 1);
          await record.setValue(Object.fromEntries([[key, entry], ...kept]));
        })
          .catch(() => undefined)
          .finally(() => {
            if (pending.get(key) === entry) pending.delete(key);
          });
      }, 0);
    },

    /** Drops the entry under the key (a customer the CRM no longer has), in memory and in storage. */
    forget<T extends { at: number }>(record: Record_<T>, key: string) {
      unsavedOf(record).delete(key);
      void serially(async () => {
        const all = await record.getValue();
        if (!(key in all)) return;
        const { [key]: _dropped, ...kept } = all;
        await record.setValue(kept);
      }).catch(() => undefined);
    },

    /** The entry remembered under the key: the newest one not yet written, else the stored one. */
    async recall<T extends { at: number }>(record: Record_<T>, key: string): Promise<T | undefined> {
      return unsavedOf(record).get(key) ?? (await record.getValue())[key];
    },
  };
}

export type RememberedRecords = ReturnType<typeof createRememberedRecords>;
