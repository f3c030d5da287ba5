// A tab's conversation as label suggestions read it: the texts the page scanner reported that the agent
// can see, newest first, at most MAX_TEXTS, each with the contacts it belongs to — those written in it;
// for a text without one, those reported with it (the same page view), else the tab's newest contact
// (the conversation on screen). Suggestions for a customer
// read only the texts of that customer's contacts, so another visitor's words never tag them. Pure; the
// background's contacts handler records, the suggestion handler reads.
import type { PageReading } from '../contacts/page-reading';
import { MAX_TEXTS } from './label-matcher';

export interface ConversationText {
  text: string;
  at: number;
  /** Contact keys (`phone:+8613812345678`, `email:a@b.co`) this text is about. */
  contacts: string[];
}

export const contactKey = (contact: { kind: string; value: string }) => `${contact.kind}:${contact.value}`;

/** `existing` with the visible readings of one report in front (the last reported is the newest); a text seen again moves to the front. */
export function rememberReadings(
  existing: readonly ConversationText[],
  readings: readonly PageReading[],
  contactsIn: (text: string) => string[],
  at: number,
  newestContact: string[] = [],
): ConversationText[] {
  const visible = readings.filter((reading) => !reading.hidden);
  if (visible.length === 0) return [...existing];
  const own = visible.map((reading) => contactsIn(reading.text));
  const together = [...new Set(own.flat())];
  const reported = together.length > 0 ? together : newestContact;
  const fresh = new Map<string, ConversationText>();
  for (let index = visible.length - 1; index >= 0; index--) {
    const { text } = visible[index]!;
    if (fresh.has(text)) continue;
    const contacts = own[index]!.length > 0 ? own[index]! : reported;
    fresh.set(text, { text, at, contacts });
  }
  const kept = existing.filter((entry) => !fresh.has(entry.text));
  return [...fresh.values(), ...kept].slice(0, MAX_TEXTS);
}

/** The texts (newest first) about any of `contacts`. */
export function textsAbout(conversation: readonly ConversationText[], contacts: ReadonlySet<string>): string[] {
  return conversation.filter((entry) => entry.contacts.some((key) => contacts.has(key))).map((entry) => entry.text);
}
