// The follow-up note composer: one draft per customer, saved to session storage as the agent types so
// closing the panel loses nothing, and sending, which queues the note and empties the draft. The
// panel's glue imports it. Invariant: a draft is only ever cleared by sending it.
import { signal } from '@preact/signals';
import { noteDraftsItem } from '@/lib/storage';
import { enqueueWrite } from './writes';

/** The protocol's limit for one note. */
export const NOTE_MAX = 2000;
const SAVE_AFTER_MS = 300;

export const noteDrafts = signal<Record<string, string>>({});

export function noteProblem(text: string): 'too-long' | undefined {
  return text.trim().length > NOTE_MAX ? 'too-long' : undefined;
}

/** Drafts changed here and not saved yet; only these are written, so two panels never erase each other's. */
const unsaved = new Set<string>();
let saveTimer: ReturnType<typeof setTimeout> | undefined;

async function saveDrafts() {
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

function setDraft(customerId: string, text: string) {
  noteDrafts.value = { ...noteDrafts.value, [customerId]: text };
  unsaved.add(customerId);
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void saveDrafts().catch(() => undefined), SAVE_AFTER_MS);
}

export function editNote(customerId: string, text: string) {
  setDraft(customerId, text);
}

/** Queues the note (it shows at the top of the timeline at once) and empties the composer. */
export function sendNote(customerId: string): boolean {
  const content = (noteDrafts.value[customerId] ?? '').trim();
  if (!content || noteProblem(content)) return false;
  void enqueueWrite({ id: crypto.randomUUID(), customerId, kind: 'note', payload: { content } });
  setDraft(customerId, '');
  return true;
}

/** Brings back what the agent typed before the panel was closed. */
export async function startRestoringNoteDrafts() {
  const stored = await noteDraftsItem.getValue().catch(() => ({}) as Record<string, string>);
  // What was typed while the drafts were read is newer than the stored copy.
  noteDrafts.value = { ...stored, ...noteDrafts.peek() };
}

/** Saves now what is waiting for the debounce, e.g. when the panel is being closed. */
export function flushNoteDrafts(): Promise<void> {
  clearTimeout(saveTimer);
  return unsaved.size ? saveDrafts() : Promise.resolve();
}
