// Checks a customer form before anything is sent, with the limits the Sobot document sets: names up to
// 50 characters, well-formed email and phone, an owner when the status is 跟进中, required custom fields,
// a cascade chosen down to its fill level. Pure and light (no phone library): the panel imports it.
import { cascadeStopsShort } from './custom-fields';
import type { CustomerInput, CustomFieldDefinition } from './domain';

export type CustomerProblem = 'required' | 'tooLong' | 'badEmail' | 'badPhone' | 'ownerRequired' | 'cascadeShort';
export type CustomerProblems = Partial<Record<'nick' | 'realName' | 'email' | 'phone' | 'liableAgent' | 'company' | `field:${string}`, CustomerProblem>>;

const NAME_MAX = 50;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;
/** Digits with the separators people type; 5 to 20 digits covers short landlines to international numbers. */
const PHONE = /^\+?[\d\s\-()]+$/;

export function validateCustomer(input: CustomerInput, fields: CustomFieldDefinition[] = []): CustomerProblems {
  const problems: CustomerProblems = {};
  const nick = input.nick.trim();
  if (!nick) problems.nick = 'required';
  else if ([...nick].length > NAME_MAX) problems.nick = 'tooLong';
  if (input.realName && [...input.realName.trim()].length > NAME_MAX) problems.realName = 'tooLong';
  if (input.company && [...input.company.trim()].length > 100) problems.company = 'tooLong';
  if (input.email?.trim() && !EMAIL.test(input.email.trim())) problems.email = 'badEmail';
  if (input.phone?.trim()) {
    const digits = input.phone.replace(/\D/g, '').length;
    if (!PHONE.test(input.phone.trim()) || digits < 5 || digits > 20) problems.phone = 'badPhone';
  }
  if (input.crmStatus === 'following' && !input.liableAgent?.id) problems.liableAgent = 'ownerRequired';
  for (const field of fields) {
    const value = input.customFields?.find((entry) => entry.fieldId === field.id)?.value ?? '';
    if (field.required && !value.trim()) problems[`field:${field.id}`] = 'required';
    else if (cascadeStopsShort(field, value)) problems[`field:${field.id}`] = 'cascadeShort';
  }
  return problems;
}
