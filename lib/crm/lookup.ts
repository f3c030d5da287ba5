// Finds the customer behind a detected contact. CRMs store numbers the way agents typed them, so a
// phone is searched in its national form first and then in the other common spellings, stopping at the
// first that matches. Only the background imports it.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CrmBackend } from './backend';
import type { Customer, SearchField } from './domain';

export interface SearchForm {
  field: SearchField;
  value: string;
}

/** The spellings to search for a phone in E.164 or an email, most likely first, without repeats. */
export function searchFormsOf(contact: { kind: 'phone' | 'email'; value: string }): SearchForm[] {
  if (contact.kind === 'email') return [{ field: 'email', value: contact.value.trim().toLowerCase() }];
  const phone = parsePhoneNumberFromString(contact.value);
  if (!phone) return [{ field: 'phone', value: contact.value }];
  const national = phone.formatNational(); // "138 1234 5678", "010 6234 5678", "(202) 555-0123"
  const nationalDigits = national.replace(/\D/g, '');
  const groups = national.split(' ');
  const spellings =
    phone.country === 'CN' || phone.countryCallingCode === '86'
      ? [
          nationalDigits,
          phone.number,
          `${phone.countryCallingCode}${phone.nationalNumber}`,
          national,
          groups.join('-'),
          // A landline with a dash after the area code only: 010-62345678.
          nationalDigits.startsWith('0') ? `${groups[0]}-${groups.slice(1).join('')}` : undefined,
        ]
      : // Never a foreign number's bare local digits: CRMs match substrings, and 91234567 sits inside
        // the Chinese mobile 13912345678.
        [phone.number, `${phone.countryCallingCode}${phone.nationalNumber}`, national];
  return [...new Set(spellings.filter((value): value is string => Boolean(value)))].map((value) => ({
    field: 'phone' as const,
    value,
  }));
}

export async function findCustomers(
  backend: Pick<CrmBackend, 'searchCustomers'>,
  contact: { kind: 'phone' | 'email'; value: string },
): Promise<{ tried: string[]; customers: Customer[] }> {
  const tried: string[] = [];
  for (const form of searchFormsOf(contact)) {
    tried.push(form.value);
    const page = await backend.searchCustomers(form.field, form.value);
    if (page.customers.length > 0) return { tried, customers: page.customers };
  }
  return { tried, customers: [] };
}
