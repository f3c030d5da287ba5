// Detection the product trusts: the candidate scan (shapes and context rules) with libphonenumber-js as
// the judge of each phone span, so an invalid longest span falls back to a shorter one (an extension, a
// stray digit). Imported by the background only: the full ("max") metadata is needed to refuse CN
// mobile prefixes and area codes that do not exist, and is too heavy for the page.
// Invariant: phones come out in E.164, emails lowercased, in order of appearance, one per span.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { scanContacts } from './candidates';
import type { DialableNumber } from './phone-runs';

export type DetectedContact = { kind: 'phone' | 'email'; value: string; start: number; end: number };

const CN_MOBILE_NATIONAL = /^1\d{10}$/;

/** The E.164 form of a phone-shaped span, or undefined when no such number exists. */
export function confirmPhone(dialable: DialableNumber): string | undefined {
  const phone = dialable.international ? parsePhoneNumberFromString(`+${dialable.digits}`) : parsePhoneNumberFromString(dialable.digits, 'CN');
  if (!phone) return undefined;
  // With max metadata a number is valid exactly when it has a type; asking for the type once (rather
  // than isValid() and then getType(), which both run every type pattern) halves the cost.
  const type = phone.getType();
  if (type === undefined) return undefined;
  // Eleven digits after 86 starting with 1 can only be a mobile: the prefix must be an allocated one.
  if (phone.countryCallingCode === '86' && CN_MOBILE_NATIONAL.test(phone.nationalNumber) && type !== 'MOBILE') return undefined;
  return phone.number;
}

export function detectContacts(text: string): DetectedContact[] {
  return scanContacts(text, confirmPhone);
}
