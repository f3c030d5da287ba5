import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, inputFromForm } from './customer-form';

const options = {
  agents: [{ id: 'a1', name: '李娜' }],
  provinces: [{ id: '110000', name: '北京市' }],
  cities: [{ id: '110100', name: '北京市' }],
  districts: [{ id: '110108', name: '海淀区' }],
};

describe('inputFromForm', () => {
  it('leaves empty fields out of a new customer and names the picked region and owner', () => {
    const input = inputFromForm(
      { ...EMPTY_FORM, nick: ' 王芳 ', phone: '13812340000', crmStatus: 'following', liableAgentId: 'a1', provinceId: '110000', cityId: '110100', districtId: '110108' },
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
