// The contact scan: phone-shaped digit spans and email addresses, minus what the context rules
// disqualify, each phone span confirmed by a judge (detect.ts passes libphonenumber-js). Pure; the number
// plan stays in the judge, so shapes and rules can be tested without it.
import { findEmailSpans } from './emails';
import { foldFullWidth } from './normalize';
import { findPhoneSpans, type DialableNumber } from './phone-runs';

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
