// The customers a chaos run works on: well-known fixtures (one shares a phone with another, one is known
// only by email) and customers of the generated crowd. The mock's seed is deterministic, so building it
// here gives exactly the records the mock serves.
import { FIXTURE_CUSTOMERS } from '../../dev/mock-crm/sobot/fixtures';
import { seedState } from '../../dev/mock-crm/sobot/seed';
import type { ChaosCustomer } from './agent';

const FIXTURES: ChaosCustomer[] = [
  { id: FIXTURE_CUSTOMERS.zhangWei.id, name: '张伟', contact: { kind: 'phone', value: '+8613812345678' } },
  { id: FIXTURE_CUSTOMERS.liNa.id, name: '李娜', contact: { kind: 'phone', value: '+8613912345678' } },
  { id: FIXTURE_CUSTOMERS.liuYang.id, name: '刘经理', contact: { kind: 'phone', value: '+861062345678' } },
  { id: FIXTURE_CUSTOMERS.chenJing.id, name: '陈静', contact: { kind: 'phone', value: '+8613700000000' } },
  { id: FIXTURE_CUSTOMERS.zhaoMin.id, name: '赵敏', contact: { kind: 'email', value: 'zhao.min@example.org' } },
];

/** A Chinese mobile number as stored in any spelling, in E.164; undefined for anything else. */
function mobileE164(stored: string | undefined): string | undefined {
  const digits = (stored ?? '').replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  return /^1\d{10}$/.test(digits) ? `+86${digits}` : undefined;
}

function crowd(count: number): ChaosCustomer[] {
  const fixtureIds = new Set(Object.values(FIXTURE_CUSTOMERS).map((fixture) => fixture.id));
  const picked: ChaosCustomer[] = [];
  for (const record of seedState().customers.values()) {
    if (picked.length >= count) break;
    const phone = mobileE164(record.tel);
    if (fixtureIds.has(record.id) || !phone) continue;
    picked.push({ id: record.id, name: record.nick, contact: { kind: 'phone', value: phone } });
  }
  return picked;
}

/** The five fixtures, then crowd customers up to `count` in all. */
export function chaosCustomers(count: number): ChaosCustomer[] {
  return [...FIXTURES, ...crowd(Math.max(0, count - FIXTURES.length))].slice(0, count);
}
