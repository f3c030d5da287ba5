// Turns what the page scanner read into the tab's contact list: found and normalised with detectContacts
// (in the background, where libphonenumber-js lives), each with the words around it, newest first, one
// entry per value. A contact read only where the agent cannot see it (hidden, zero-size or off-screen
// text) is listed but marked hidden: it never becomes the contact looked up by itself, and seeing it
// hidden again never moves a contact the agent saw. Pure; the background's contacts handler imports it.
import type { DetectedContact } from './detect';
import type { PageReading } from './page-reading';

/** A contact on the tab's list, as the panel shows it. */
export interface TabContact {
  kind: 'phone' | 'email';
  /** E.164 for phones, lowercase for emails. */
  value: string;
  /** The words around it on the page, so the agent can tell which conversation it came from. */
  context: string;
  detectedAt: number;
  /** Seen only in text the agent cannot see: listed, but never looked up by itself. */
  hidden?: true;
}

const MAX_CONTACTS_PER_TAB = 50;
const CONTEXT_RADIUS = 60;
const MAX_CONTEXT = 240;

/** The words around a contact, so the agent can tell which conversation it came from. */
function contextAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT_RADIUS);
  return text
    .slice(from, end + CONTEXT_RADIUS)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_CONTEXT);
}

/** The contacts in each reading, in order, with the reading's own context when it brings one (a link's text). */
export function contactsInReadings(readings: readonly PageReading[], detect: (text: string) => DetectedContact[], now: number): TabContact[] {
  const found: TabContact[] = [];
  for (const { text, context, hidden } of readings) {
    for (const contact of detect(text)) {
      const words = context?.trim() || contextAround(text, contact.start, contact.end);
      found.push({ kind: contact.kind, value: contact.value, context: words, detectedAt: now, ...(hidden ? { hidden: true as const } : {}) });
    }
  }
  return found;
}

const keyOf = (contact: TabContact) => `${contact.kind}:${contact.value}`;

/**
 * Newest first (the last reported is the newest); a value seen again where the agent can see it moves to
 * the front and is no longer hidden. A value seen again only in hidden text stays where it was.
 */
export function mergeTabContacts(existing: TabContact[], incoming: TabContact[]): TabContact[] {
  const known = new Map(existing.map((contact) => [keyOf(contact), contact]));
  const byValue = new Map<string, TabContact>();
  for (const contact of [...incoming].reverse()) {
    const key = keyOf(contact);
    if (byValue.has(key) || (contact.hidden && known.has(key))) continue;
    byValue.set(key, contact);
  }
  for (const contact of existing) {
    const key = keyOf(contact);
    if (!byValue.has(key)) byValue.set(key, contact);
  }
  return [...byValue.values()].slice(0, MAX_CONTACTS_PER_TAB);
}
