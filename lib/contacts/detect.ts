// Detection as the product trusts it: cheap candidates confirmed and normalised with libphonenumber-js
// (full metadata, so a CN mobile prefix or area code that does not exist is refused). Phones come out in
// E.164, emails lowercased, in order of appearance. Imported by the background; too heavy for the page.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { findContactCandidates } from './candidates';
import { foldWidth } from './normalize';

export type DetectedContact = { kind: 'phone' | 'email'; value: string; start: number; end: number };

function normalisePhone(raw: string): string | undefined {
  const folded = foldWidth(raw);
  let digits = folded.replace(/\D/g, '');
  const international = folded.includes('+') || digits.startsWith('00');
  if (digits.startsWith('00')) digits = digits.slice(2);
  const written = international || (digits.startsWith('86') && digits.length >= 12) ? `+${digits}` : digits;
  const phone = parsePhoneNumberFromString(written, 'CN');
  return phone?.isValid() ? phone.number : undefined;
}

export function detectContacts(text: string): DetectedContact[] {
  const detected: DetectedContact[] = [];
  for (const candidate of findContactCandidates(text)) {
    const value = candidate.kind === 'email' ? foldWidth(candidate.raw).toLowerCase() : normalisePhone(candidate.raw);
    if (value) detected.push({ kind: candidate.kind, value, start: candidate.start, end: candidate.end });
  }
  return detected;
}
