// The cheap contact pass the page scanner runs on every new chat message: phone-shaped digit spans and
// email addresses, minus what the context rules disqualify. Dependency-free (no libphonenumber-js) to
// keep the injected bundle small; the background re-runs the same scan with a real validator.
// Invariant: generous — every number detectContacts reports is covered by a candidate of its kind.
import { findEmailSpans } from './emails';
import { foldFullWidth } from './normalize';
import { findPhoneSpans, type DialableNumber } from './phone-runs';

export interface ContactCandidate {
  kind: 'phone' | 'email';
  /** The text as it stands on the page (not folded). */
  raw: string;
  start: number;
  end: number;
}

export interface ContactSpan {
  kind: 'phone' | 'email';
  /** For a phone, what the judge returned; for an email, the lowercased address. */
  value: string;
  start: number;
  end: number;
}

/**
 * Phones (accepted by `judgePhone`) and emails in order of appearance. A digit span inside an email
 * (13812345678@qq.com) is the mailbox, not a phone.
 */
export function scanContacts(text: string, judgePhone: (dialable: DialableNumber) => string | undefined): ContactSpan[] {
  const folded = foldFullWidth(text);
  const emails = findEmailSpans(folded);
  const phones = findPhoneSpans(folded, judgePhone);
  const found: ContactSpan[] = [];
  let emailIndex = 0;
  for (const phone of phones) {
    while (emailIndex < emails.length && emails[emailIndex]!.end <= phone.start) {
      found.push({ kind: 'email', ...emails[emailIndex++]! });
    }
    const email = emails[emailIndex];
    if (email && email.start < phone.end) continue;
    found.push({ kind: 'phone', ...phone });
  }
  while (emailIndex < emails.length) found.push({ kind: 'email', ...emails[emailIndex++]! });
  return found;
}

const acceptAnyShape = (dialable: DialableNumber) => (dialable.international ? `+${dialable.digits}` : dialable.digits);

/**
 * A phone needs seven digits joined by at most three separators each (as phone-runs.ts reads them, full
 * width included, before folding), an email an "@": a text with neither holds no contact. One native
 * regex pass, so the page scanner spends nothing more on the many chat texts without a contact.
 */
const MAY_HOLD_CONTACT =
  /[@\uff20]|[0-9\uff10-\uff19](?:[ \-.()\t\u3000\u00a0\u2010-\u2014\u2212\uff08\uff09\uff0d\uff0e]{0,3}[0-9\uff10-\uff19]){6}/;

export function findContactCandidates(text: string): ContactCandidate[] {
  if (!MAY_HOLD_CONTACT.test(text)) return [];
  return scanContacts(text, acceptAnyShape).map(({ kind, start, end }) => ({ kind, raw: text.slice(start, end), start, end }));
}
