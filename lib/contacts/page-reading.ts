// What the page scanner hands the background: the texts on the page that may hold a contact, whole. The
// page only pre-tests (one native regex per text); finding and judging contacts (detectContacts) runs in
// the background, off the thread of the chat console the agent works in. Dependency-free: the content
// script imports it, as do the payload schemas that validate what it sends (lib/messaging/payloads.ts).
// Invariant: every contact detectContacts finds in a text lies in a reading of that text.

export interface PageReading {
  /** A text as it stands on the page (a text node, a field's value, a link's address). */
  text: string;
  /** The words to show with what is found, when they are not around it in `text` (a link's own text). */
  context?: string;
  /** The agent cannot see it (not rendered, zero-size, off-screen, transparent): listed, never looked up by itself. */
  hidden?: boolean;
}

export const MAX_READING_CHARS = 2_000;
export const MAX_READINGS_PER_REPORT = 200;

/**
 * A phone needs seven digits joined by at most three separators each (as phone-runs.ts reads them, full
 * width included, before folding), an email an "@": a text with neither holds no contact.
 */
const MAY_HOLD_CONTACT = /[@\uff20]|[0-9\uff10-\uff19](?:[ \-.()\t\u3000\u00a0\u2010-\u2014\u2212\uff08\uff09\uff0d\uff0e]{0,3}[0-9\uff10-\uff19]){6}/;

/** Nothing shorter than "a@b.co" or "+1234567" can hold a contact. */
const MIN_CONTACT_CHARS = 6;

export const mayHoldContact = (text: string): boolean => text.length >= MIN_CONTACT_CHARS && MAY_HOLD_CONTACT.test(text);

const NO_READINGS: readonly PageReading[] = Object.freeze([]);

/** Ends a sentence or a line: no phone or email runs across it. */
const SENTENCE_END = /[\n\r。！？；，!?;]/;
/** What may stand either side of a space inside a phone number (an email holds no space). */
const PART_OF_PHONE = /[0-9+()\-\uff10-\uff19\uff0b\uff08\uff09\uff0d]/;

/**
 * Where to end a piece of `text` that starts at `from`: after the last line or sentence end within the
 * limit, else at the last space between words, else (a wall of digits, say) at the limit itself.
 */
function cutAfter(text: string, from: number): number {
  const limit = from + MAX_READING_CHARS;
  let betweenWords = -1;
  for (let at = limit - 1; at > from; at--) {
    const char = text[at]!;
    if (SENTENCE_END.test(char)) return at + 1;
    // A space inside "138 1234 5678" is part of the number: only a space between two non-contact characters will do.
    if (betweenWords < 0 && /\s/.test(char) && !PART_OF_PHONE.test(text[at - 1] ?? '') && !PART_OF_PHONE.test(text[at + 1] ?? '')) {
      betweenWords = at + 1;
    }
  }
  return betweenWords > 0 ? betweenWords : limit;
}

/**
 * The readings a text on the page gives: none when it cannot hold a contact, else the text itself, or
 * for a very long one (a pasted log) its pieces that may hold one, cut between sentences where possible.
 */
export function readingsOf(text: string, context?: string): readonly PageReading[] {
  // Most texts on a page: one regex test and a shared empty answer, nothing allocated.
  if (!mayHoldContact(text)) return NO_READINGS;
  if (text.length <= MAX_READING_CHARS) return [context === undefined ? { text } : { text, context }];
  const readings: PageReading[] = [];
  for (let from = 0; from < text.length; ) {
    const end = text.length - from <= MAX_READING_CHARS ? text.length : cutAfter(text, from);
    const piece = text.slice(from, end);
    if (mayHoldContact(piece)) readings.push(context === undefined ? { text: piece } : { text: piece, context });
    from = end;
  }
  return readings;
}
