// crm/add is not idempotent: a create whose answer was lost (timeout, dropped connection, a server error, an
// answer without _id) may have stored the customer, and sending it again would make a twin. This module
// decides when an outcome is unknown and finds the customer such a create may have made, by the contact the
// agent typed. Pure apart from the search it is given; only the Useasy backend imports it.
import type { CustomerInput } from '../domain';
import { CrmError } from '../errors';
import { chinaTimeToEpochMs, customerIdOf } from './map';
import type { CustomerRecord } from './wire';

/** How much earlier than our clock the CRM's createTime may read and still be this create's. */
const CLOCK_SKEW_MS = 10 * 60_000;

/** Whether the CRM may have stored the customer although the call failed. */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof CrmError)) return false;
  if (error.code === 'timeout' || error.code === 'unreachable' || error.code === 'malformed-response') return true;
  // A 5xx (an HTTP status or the envelope's code) can come after the record was written.
  return (error.code === 'http-status' || error.code === 'crm-error') && /^5\d\d$/.test(error.crmCode ?? '');
}

/** Names one create, so a second press with the same input is known to follow an unknown outcome. */
export const createKey = (input: CustomerInput) => JSON.stringify([input.nick.trim(), input.phone?.trim() ?? '', input.email?.trim() ?? '']);

/** The search that finds such a customer: the phone, else the email, else the name. */
export function searchFor(input: CustomerInput): { field: string; value: string } {
  const phone = input.phone?.trim();
  if (phone) return { field: 'mobile', value: phone };
  const email = input.email?.trim();
  if (email) return { field: 'email', value: email };
  return { field: 'customerName', value: input.nick.trim() };
}

const holds = (entries: CustomerRecord['mobile'], value: string | undefined) => !value || (entries ?? []).some((entry) => entry.value.trim() === value);

/** The record among `found` that this create (started at `startedAt`, epoch ms) would have made. */
export function createdBy(input: CustomerInput, startedAt: number, found: CustomerRecord[]): (CustomerRecord & { _id: string }) | undefined {
  const match = found.find((record) => {
    const createdAt = chinaTimeToEpochMs(record.createTime);
    return (
      customerIdOf(record) !== undefined &&
      (record.customerName ?? '').trim() === input.nick.trim() &&
      holds(record.mobile, input.phone?.trim()) &&
      holds(record.email, input.email?.trim()) &&
      (createdAt === undefined || createdAt >= startedAt - CLOCK_SKEW_MS)
    );
  });
  return match ? { ...match, _id: customerIdOf(match)! } : undefined;
}
