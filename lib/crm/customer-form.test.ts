import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, inputFromForm, onlyStoredFields } from './customer-form';

const options = {
  agents: [{ id: 'a1', name: '李娜' }],
  provinces: [{ id: '110000', name: '北京市' }],
  cities: [{ id: '110100', name: '北京市' }],
  districts: [{ id: '110108', name: '海淀区' }],
};

describe('inputFromForm', () => {
  it('leaves empty fields out of a new customer and names the picked region and owner', () => {
    const input = inputFromForm(
      {
        ...EMPTY_FORM,
        nick: ' 王芳 ',
        phone: '13812340000',
        crmStatus: 'following',
        liableAgentId: 'a1',
        provinceId: '110000',
        cityId: '110100',
        districtId: '110108',
      },
      options,
    );
    expect(input).toEqual({
      nick: '王芳',
      phone: '13812340000',
      crmStatus: 'following',
      liableAgent: { id: 'a1', name: '李娜' },
      region: { provinceId: '110000', provinceName: '北京市', cityId: '110100', cityName: '北京市', districtId: '110108', districtName: '海淀区' },
      realName: undefined,
      email: undefined,
      company: undefined,
      remark: undefined,
      vip: undefined,
      customFields: undefined,
    });
  });

  it('sends a field the agent emptied while editing, so the CRM clears it', () => {
    const original = { ...EMPTY_FORM, nick: '王芳', email: 'old@example.com', custom: { f1: '101' } };
    const input = inputFromForm({ ...original, email: '', custom: { f1: '' } }, options, original);
    expect(input.email).toBe('');
    expect(input.customFields).toEqual([{ fieldId: 'f1', value: '' }]);
    expect(input.region).toBeUndefined();
  });
});

describe('onlyStoredFields', () => {
  it('sends only what the backend stores, so a company kept in a draft is not dropped silently by the CRM', () => {
    const input = {
      nick: '张三',
      realName: '张三丰',
      phone: '13812345678',
      email: 'z@example.com',
      company: '华宇',
      vip: true,
      crmStatus: 'following' as const,
      region: { provinceId: '1' },
    };
    expect(onlyStoredFields(input, ['nick', 'phone', 'email'])).toEqual({ nick: '张三', phone: '13812345678', email: 'z@example.com' });
    expect(onlyStoredFields(input, ['nick', 'realName', 'phone', 'email', 'company', 'vip', 'crmStatus', 'liableAgent', 'region'])).toEqual(input);
  });
});
