import { describe, expect, it, vi } from 'vitest';
import type { Customer, CustomerPage } from './domain';
import { findCustomers, searchFormsOf } from './lookup';

const values = (contact: { kind: 'phone' | 'email'; value: string }) => searchFormsOf(contact).map((form) => form.value);

describe('searchFormsOf', () => {
  it('tries a Chinese mobile in its national form first, then +86 and separated spellings', () => {
    expect(values({ kind: 'phone', value: '+8613812345678' })).toEqual(['13812345678', '+8613812345678', '8613812345678', '138 1234 5678', '138-1234-5678']);
  });

  it('tries a landline with and without the area-code dash', () => {
    expect(values({ kind: 'phone', value: '+861062345678' })).toEqual([
      '01062345678',
      '+861062345678',
      '861062345678',
      '010 6234 5678',
      '010-6234-5678',
      '010-62345678',
    ]);
  });

  it('searches a foreign number as written internationally first', () => {
    expect(values({ kind: 'phone', value: '+12025550123' })[0]).toBe('+12025550123');
  });

  it('never searches a foreign number by its bare local digits, which a substring search finds inside CN mobiles', () => {
    expect(values({ kind: 'phone', value: '+85291234567' })).toEqual(['+85291234567', '85291234567', '9123 4567']);
  });

  it('searches an email by email, lowercased', () => {
    expect(searchFormsOf({ kind: 'email', value: 'Zhang.Wei@Example.com' })).toEqual([{ field: 'email', value: 'zhang.wei@example.com' }]);
  });
});

describe('findCustomers', () => {
  const page = (customers: Partial<Customer>[]): CustomerPage => ({ customers: customers as Customer[], page: 1, pageCount: 1, total: customers.length });

  it('stops at the first spelling that matches', async () => {
    const searchCustomers = vi.fn(async (_field: string, value: string) => page(value === '+8613912345678' ? [{ id: 'c1' }] : []));
    const found = await findCustomers({ searchCustomers }, { kind: 'phone', value: '+8613912345678' });
    expect(found).toEqual({ tried: ['13912345678', '+8613912345678'], customers: [{ id: 'c1' }] });
    expect(searchCustomers).toHaveBeenCalledTimes(2);
  });

  it('tries every spelling before saying not found', async () => {
    const searchCustomers = vi.fn(async () => page([]));
    const found = await findCustomers({ searchCustomers }, { kind: 'phone', value: '+8613700000001' });
    expect(found.customers).toEqual([]);
    expect(found.tried).toHaveLength(5);
  });
});
