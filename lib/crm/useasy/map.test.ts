import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { replaceFirstEntry } from './customer-body';
import { chinaTimeToEpochMs, customFieldValues, toCustomer, toFieldDefinitions } from './map';
import { customerRecord, fieldDefinition } from './wire';

describe('chinaTimeToEpochMs', () => {
  it('reads UTC+8 wall-clock time, seconds optional', () => {
    expect(chinaTimeToEpochMs('2023-06-26 23:18:43')).toBe(Date.UTC(2023, 5, 26, 15, 18, 43));
    expect(chinaTimeToEpochMs('2024-01-01 07:59')).toBe(Date.UTC(2023, 11, 31, 23, 59, 0));
  });

  it.each(['', 'string', '2023/06/26 23:18:43', '1687792901', null, undefined])('gives undefined for %s', (value) => {
    expect(chinaTimeToEpochMs(value)).toBeUndefined();
  });
});

describe('customer records', () => {
  const parse = (record: unknown) => {
    const parsed = z.parse(customerRecord, record);
    return toCustomer({ ...parsed, _id: parsed._id ?? '' });
  };

  it('accepts contact entries as bare strings, values as numbers, and one source as a string', () => {
    const customer = parse({
      _id: '1',
      customerName: '王芳',
      mobile: ['139 0000 1111', { value: 13900001112 }],
      email: [{ value: ' ' }],
      customerSource: '展会',
    });
    expect(customer).toMatchObject({ phones: ['139 0000 1111', '13900001112'], emails: [], sourceCode: '展会' });
  });

  it('takes only generated field ids as custom values, lists of {key, value} with their texts', () => {
    expect(
      customFieldValues({
        accountId: '1090',
        firstAssignTime: '2023-06-26 22:57:30',
        select_a9c4_1687316566781: 'internet',
        cascade_z8b3_1687316711526: [
          { key: 'huabei', value: '华北' },
          { key: 'beijing', value: '北京' },
        ],
        radio_h5n0_1687316602904: null,
      }),
    ).toEqual([
      { fieldId: 'select_a9c4_1687316566781', value: 'internet' },
      { fieldId: 'cascade_z8b3_1687316711526', value: 'huabei,beijing', text: '华北,北京' },
    ]);
  });
});

describe('field definitions', () => {
  it('infers a type from choices or a cascade tree when the type name is unknown, and orders by sort', () => {
    const items = [
      { field: 'b', name: 'B', type: 'tree', sort: 2, options: { children: [{ key: 'x', value: 'X' }] } },
      { field: 'a', name: 'A', type: 'dropdownList', sort: 1, choices: [{ key: 'k', value: 'V' }, { bad: true }] },
      { field: 'c', name: null, type: 'multiSelect', sort: '0', required: 'true' },
    ].map((item) => z.parse(fieldDefinition, item));
    expect(toFieldDefinitions(items)).toEqual([
      { id: 'c', name: 'c', type: 'checkbox', required: true, options: [] },
      { id: 'a', name: 'A', type: 'select', required: false, options: [{ value: 'k', name: 'V' }] },
      {
        id: 'b',
        name: 'B',
        type: 'cascade',
        required: false,
        options: [{ value: 'x', name: 'X' }],
        cascade: { fillLevel: 0, tree: [{ value: 'x', name: 'X', children: [] }] },
      },
    ]);
  });
});

describe('replaceFirstEntry', () => {
  const current = [
    { value: '13812345678', memo: '本人' },
    { value: '13800001111', memo: '助理' },
  ];

  it('leaves the list alone for undefined and keeps the entry when the value is unchanged', () => {
    expect(replaceFirstEntry(current, undefined)).toBeUndefined();
    expect(replaceFirstEntry(current, ' 13812345678 ')).toEqual(current);
  });

  it('promotes a number that was already second instead of listing it twice', () => {
    expect(replaceFirstEntry(current, '13800001111')).toEqual([{ value: '13800001111', memo: '' }]);
  });
});
