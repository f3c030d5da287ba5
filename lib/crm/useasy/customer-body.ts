// Turns the agent's CustomerInput into the body of crm/add and crm/update. Pure; only the Useasy backend
// imports it. Invariants: what the input leaves out stays out of the body (update is partial); a contact
// list changes only in its first entry, the one the form edits, so numbers a colleague added survive;
// custom values go out only for fields the CRM defines, lists as arrays. Useasy has no real name,
// company, remark, sex, VIP, status or region, so those inputs are not sent.
import type { CustomerInput, CustomFieldDefinition } from '../domain';
import type { ContactEntry } from './wire';

const LIST_TYPES = new Set<CustomFieldDefinition['type']>(['checkbox', 'cascade']);

/**
 * The contact list after the agent set its first value: undefined leaves the list alone, '' removes the
 * first entry, a new value replaces it (its memo described the old value, so it goes too).
 */
export function replaceFirstEntry(current: readonly ContactEntry[], value: string | undefined): ContactEntry[] | undefined {
  if (value === undefined) return undefined;
  const [first, ...rest] = current;
  const trimmed = value.trim();
  if (trimmed === '') return rest;
  if (first?.value === trimmed) return [first, ...rest];
  return [{ value: trimmed, memo: '' }, ...rest.filter((entry) => entry.value !== trimmed)];
}

export interface CurrentContacts {
  mobile: readonly ContactEntry[];
  email: readonly ContactEntry[];
  qq: readonly ContactEntry[];
  wechat: readonly ContactEntry[];
}

export const NO_CONTACTS: CurrentContacts = { mobile: [], email: [], qq: [], wechat: [] };

export function toUseasyCustomerBody(input: CustomerInput, current: CurrentContacts, fields: readonly CustomFieldDefinition[]): Record<string, unknown> {
  const body: Record<string, unknown> = { customerName: input.nick };
  const setList = (key: keyof CurrentContacts, value: string | undefined) => {
    const list = replaceFirstEntry(current[key], value);
    // An empty list on create is noise; on update it clears the CRM's list, which is what was asked.
    if (list !== undefined && (list.length > 0 || current[key].length > 0)) body[key] = list;
  };
  setList('mobile', input.phone);
  setList('email', input.email);
  setList('qq', input.qq);
  setList('wechat', input.wechat);
  if (input.liableAgent?.id) body.owner = input.liableAgent.id;
  for (const { fieldId, value } of input.customFields ?? []) {
    const definition = fields.find((field) => field.id === fieldId);
    if (!definition) continue;
    body[fieldId] = LIST_TYPES.has(definition.type)
      ? value
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean)
      : value;
  }
  return body;
}
