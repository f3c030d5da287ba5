// Turns the page scanner's raw candidates into the tab's contact list: validated and normalised with
// detectContacts (in the background, where libphonenumber-js lives), newest first, one entry per value.
// Pure; the background's contacts handler imports it.
import type { TabContact } from '../messaging/protocol';
import type { DetectedContact } from './detect';

export const MAX_CONTACTS_PER_TAB = 50;

export interface Candidate {
  kind: 'phone' | 'email';
  raw: string;
  context: string;
}

/** Validates each candidate in its context, so words like 订单号 next to it count. */
export function validateCandidates(
  candidates: Candidate[],
  detect: (text: string) => DetectedContact[],
  now: number,
): TabContact[] {
  const found: TabContact[] = [];
  for (const candidate of candidates) {
    const text = candidate.context.includes(candidate.raw) ? candidate.context : candidate.raw;
    const at = text.indexOf(candidate.raw);
    for (const contact of detect(text)) {
      const overlaps = contact.start < at + candidate.raw.length && contact.end > at;
      if (overlaps && contact.kind === candidate.kind) {
        found.push({ kind: contact.kind, value: contact.value, context: candidate.context.trim(), detectedAt: now });
      }
    }
  }
  return found;
}

/** Newest first (the last reported is the newest); a value seen again moves to the front. */
export function mergeTabContacts(existing: TabContact[], incoming: TabContact[]): TabContact[] {
  const byValue = new Map<string, TabContact>();
  for (const contact of [...incoming].reverse()) {
    const key = `${contact.kind}:${contact.value}`;
    if (!byValue.has(key)) byValue.set(key, contact);
  }
  for (const contact of existing) {
    const key = `${contact.kind}:${contact.value}`;
    if (!byValue.has(key)) byValue.set(key, contact);
  }
  return [...byValue.values()].slice(0, MAX_CONTACTS_PER_TAB);
}
