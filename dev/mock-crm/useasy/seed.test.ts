import { describe, expect, it } from 'vitest';
import { FIXTURE_CUSTOMERS as SOBOT_FIXTURES } from '../sobot/fixtures';
import { FIELDS } from './fields';
import { AGENTS, FIXTURE_CUSTOMERS, OPEN_SEA_ID, UNKNOWN_PHONES } from './fixtures';
import { snowflakeId } from './ids';
import { GENERATED_CUSTOMER_COUNT, seedState } from './seed';
import type { CustomerRecord } from './state';
import { readWriteBody } from './write-body';

const customers = () => [...seedState().customers.values()];
const values = (record: CustomerRecord, key: 'mobile' | 'email') => (record[key] ?? []).map((entry) => entry.value);

describe('the seeded account', () => {
  it('is the same on every build', () => {
    expect(JSON.stringify(customers())).toBe(JSON.stringify(customers()));
  });

  it('holds at least 100 customers with unique 18-digit string ids and Chinese names', () => {
    const all = customers();
    expect(all.length).toBe(GENERATED_CUSTOMER_COUNT + Object.keys(FIXTURE_CUSTOMERS).length);
    expect(all.length).toBeGreaterThanOrEqual(100);
    for (const record of all) {
      expect(record._id).toMatch(/^\d{18}$/);
      if (record._id !== FIXTURE_CUSTOMERS.docExample.id) expect(record.customerName).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect(record.createTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(record.updateTime >= record.createTime).toBe(true);
    }
    expect(new Set(all.map((record) => record._id)).size).toBe(all.length);
  });

  it('gives every mobile and email to one customer only, except the couple who share a phone', () => {
    const owners = new Map<string, string[]>();
    for (const record of customers()) {
      for (const value of [...values(record, 'mobile'), ...values(record, 'email')]) owners.set(value, [...(owners.get(value) ?? []), record.customerName]);
    }
    const shared = [...owners.entries()].filter(([, names]) => names.length > 1);
    expect(shared).toEqual([['13700000000', ['陈静', '陈建国']]]);
    for (const phone of UNKNOWN_PHONES) expect(owners.has(phone)).toBe(false);
  });

  it('mixes owners, the public sea, sources, second numbers and email-less customers', () => {
    const all = customers();
    const agentIds = new Set(AGENTS.map((agent) => agent.id));
    const inSea = all.filter((record) => record.openSeaIds?.includes(OPEN_SEA_ID));
    expect(inSea.length).toBeGreaterThan(5);
    for (const record of inSea) expect(record.owner).toBeUndefined();
    for (const record of all.filter((candidate) => !inSea.includes(candidate))) expect(agentIds.has(record.owner!)).toBe(true);
    expect(all.filter((record) => (record.mobile?.length ?? 0) > 1).length).toBeGreaterThan(10);
    expect(all.filter((record) => !record.email).length).toBeGreaterThan(10);
    expect(all.filter((record) => record.customerSource?.length).length).toBeGreaterThan(30);
  });

  it('stores custom values the API itself would accept, for fields of every custom type', () => {
    const custom = FIELDS.filter((field) => !field.isSystem && field.status === 1);
    const seen = new Set<string>();
    for (const record of customers()) {
      const fieldValues = Object.fromEntries(custom.filter((field) => field.field in record).map((field) => [field.field, record[field.field]]));
      expect(readWriteBody(fieldValues)).toEqual({ changes: fieldValues });
      for (const field of custom) if (field.field in record) seen.add(field.type);
    }
    expect(seen).toEqual(new Set(['text', 'textarea', 'number', 'date', 'select', 'radio', 'checkbox', 'cascade']));
  });

  it('mints ids the way the document’s ids decode', () => {
    // The list example's customer was created at 2023-06-26 22:57:30 China time.
    const id = snowflakeId(Date.parse('2023-06-26T22:57:30+08:00'), 0);
    expect(id.slice(0, 8)).toBe('68577000');
    expect(id).toHaveLength(18);
  });
});

describe('the fixtures', () => {
  const stored = (id: string) => seedState().customers.get(id)!;

  it('include 张伟 with his phone and email, and an email-only customer', () => {
    expect(stored(FIXTURE_CUSTOMERS.zhangWei.id)).toMatchObject({
      customerName: '张伟',
      mobile: [
        { value: '13812345678', memo: '本人' },
        { value: '13800001111', memo: '助理' },
      ],
      email: [{ value: 'zhang.wei@example.com', memo: '工作邮箱' }],
    });
    const zhaoMin = stored(FIXTURE_CUSTOMERS.zhaoMin.id);
    expect(zhaoMin).toMatchObject({ customerName: '赵敏', email: [{ value: 'zhao.min@example.org', memo: '' }] });
    expect(zhaoMin.mobile).toBeUndefined();
  });

  it('are the Sobot mock’s people, with phones and emails spelled the same, so the demo finds them on both', () => {
    const pairs = [
      ['zhangWei', 'zhangWei'],
      ['liNa', 'liNa'],
      ['wangFang', 'wangFang'],
      ['liuYang', 'liuYang'],
      ['chenJing', 'chenJing'],
      ['chenJianguo', 'chenJianguo'],
      ['zhaoMin', 'zhaoMin'],
    ] as const;
    for (const [useasyKey, sobotKey] of pairs) {
      const useasy = stored(FIXTURE_CUSTOMERS[useasyKey].id);
      const sobot: { uname?: string; nick: string; tel?: string; email?: string } = SOBOT_FIXTURES[sobotKey];
      expect(useasy.customerName).toBe(sobot.uname ?? sobot.nick);
      expect(values(useasy, 'mobile')[0]).toBe(sobot.tel);
      expect(values(useasy, 'email')[0]).toBe(sobot.email);
    }
  });
});
