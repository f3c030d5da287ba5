// The follow-up note composer: one draft per customer, saved to session storage as the agent types so
// closing the panel loses nothing, and sending, which queues the note and empties the draft. The
// panel's glue is given it. Invariant: a draft is only ever cleared by sending it.
import { signal } from '@preact/signals';
import { ownedModel } from '@/lib/signals/owned-model';
import { noteDraftsItem } from '@/lib/storage';
import type { WritesModel } from './writes';

/** The protocol's limit for one note. */
export const NOTE_MAX = 2000;
const SAVE_AFTER_MS = 300;

export function noteProblem(text: string): 'too-long' | undefined {
  return text.trim().length > NOTE_MAX ? 'too-long' : undefined;
}

export function createNotesModel({ writes: { enqueueWrite } }: { writes: Pick<WritesModel, 'enqueueWrite'> }) {
  return ownedModel((own) => {
    const noteDrafts = signal<Record<string, string>>({});

    /** Drafts changed here and not saved yet; only these are written, so two panels never erase each other's. */
    const unsaved = new Set<string>();
    let saveTimer: ReturnType<typeof setTimeout> | undefined;
    own.onDispose(() => clearTimeout(saveTimer));

    /** Saves run one after another: a later one reads what an earlier one wrote. */
    let saving: Promise<void> = Promise.resolve();

    async function writeUnsaved() {
      const changed = [...unsaved];
      unsaved.clear();
      const stored = { ...(await noteDraftsItem.getValue()) };
      for (const customerId of changed) {
        const text = noteDrafts.peek()[customerId] ?? '';
        if (text) stored[customerId] = text;
        else delete stored[customerId];
      }
      await noteDraftsItem.setValue(stored);
    }

    function saveDrafts(): Promise<void> {
      saving = saving.then(writeUnsaved, writeUnsaved);
      return saving;
    }

    function setDraft(customerId: string, text: string) {
      noteDrafts.value = { ...noteDrafts.value, [customerId]: text };
      unsaved.add(customerId);
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => void saveDrafts().catch(() => undefined), SAVE_AFTER_MS);
    }

    function editNote(customerId: string, text: string) {
      setDraft(customerId, text);
    }

    /**
     * Queues the note (it shows at the top of the timeline at once) and empties the composer. The empty
     * draft is saved now, not after the typing pause: an agent who sends and closes the panel at once
     * must not find the sent note back in the composer, to send twice.
     */
    function sendNote(customerId: string): boolean {
      const content = (noteDrafts.value[customerId] ?? '').trim();
      if (!content || noteProblem(content)) return false;
      void enqueueWrite({ id: crypto.randomUUID(), customerId, kind: 'note', payload: { content } });
      setDraft(customerId, '');
      void flushNoteDrafts().catch(() => undefined);
      return true;
    }

    /** Brings back what the agent typed before the panel was closed. */
    async function restoreNoteDrafts() {
      const stored = await noteDraftsItem.getValue().catch(() => ({}) as Record<string, string>);
      // What was typed while the drafts were read is newer than the stored copy.
      noteDrafts.value = { ...stored, ...noteDrafts.peek() };
    }

    /** Saves now what is waiting for the debounce, e.g. when the panel is being closed; settles once saved. */
    function flushNoteDrafts(): Promise<void> {
      clearTimeout(saveTimer);
      return unsaved.size ? saveDrafts() : saving;
    }

    void restoreNoteDrafts();
    return { noteDrafts, editNote, sendNote, restoreNoteDrafts, flushNoteDrafts };
  });
}

export type NotesModel = ReturnType<typeof createNotesModel>;
