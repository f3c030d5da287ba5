import { describe, expect, it } from 'vitest';
import { validateCustomer } from './customer-validation';

describe('validateCustomer', () => {
  it('accepts a plain new customer', () => {
    expect(validateCustomer({ nick: '张三', phone: '138 1234 5678', email: 'zhang.san@example.com' })).toEqual({});
  });

  it('requires a nickname and keeps names within 50 characters, counting Chinese characters as one', () => {
    expect(validateCustomer({ nick: '  ' })).toEqual({ nick: 'required' });
    expect(validateCustomer({ nick: '张'.repeat(50) })).toEqual({});
    expect(validateCustomer({ nick: '张'.repeat(51), realName: 'x'.repeat(51) })).toEqual({ nick: 'tooLong', realName: 'tooLong' });
  });

  it.each(['zhang@', 'zhang@example', 'zhang san@example.com', '@example.com'])('rejects the email %s', (email) => {
    expect(validateCustomer({ nick: 'a', email }).email).toBe('badEmail');
  });

  it.each(['abc', '123', '138-1234-5678-1234-5678-99', '138#1234'])('rejects the phone %s', (phone) => {
    expect(validateCustomer({ nick: 'a', phone }).phone).toBe('badPhone');
  });

  it.each(['010-62345678', '+86 138 1234 5678', '(0755)86013388'])('accepts the phone %s', (phone) => {
    expect(validateCustomer({ nick: 'a', phone }).phone).toBeUndefined();
  });

  it('needs an owner when the status is 跟进中', () => {
    expect(validateCustomer({ nick: 'a', crmStatus: 'following' })).toEqual({ liableAgent: 'ownerRequired' });
    expect(validateCustomer({ nick: 'a', crmStatus: 'following', liableAgent: { id: 'x', name: '李娜' } })).toEqual({});
  });

  it('needs every required custom field', () => {
    const fields = [{ id: 'f1', name: '行业', type: 'select' as const, required: true, options: [] }];
    expect(validateCustomer({ nick: 'a' }, fields)).toEqual({ 'field:f1': 'required' });
    expect(validateCustomer({ nick: 'a', customFields: [{ fieldId: 'f1', value: '1' }] }, fields)).toEqual({});
  });
});

describe('validateCustomer with a cascade', () => {
  const region = {
    id: 'region',
    name: '所在地区',
    type: 'cascade' as const,
    required: true,
    options: [],
    cascade: { fillLevel: 2, tree: [{ value: 'huadong', name: '华东', children: [{ value: 'hangzhou', name: '杭州', children: [] }] }] },
  };

  it('asks for the next level until the fill level is reached, and for a value when the field is required', () => {
    const withRegion = (value: string) => validateCustomer({ nick: '张三', customFields: [{ fieldId: 'region', value }] }, [region]);
    expect(withRegion('')).toEqual({ 'field:region': 'required' });
    expect(withRegion('huadong')).toEqual({ 'field:region': 'cascadeShort' });
    expect(withRegion('huadong,hangzhou')).toEqual({});
  });
});
