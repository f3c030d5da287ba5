import { describe, expect, it } from 'vitest';
import { assignBizType, toSobotCustomerBody } from './customer-body';

describe('toSobotCustomerBody', () => {
  it('writes the documented field names, the status as its code and custom fields as a JSON string', () => {
    const body = toSobotCustomerBody({
      nick: '王芳',
      realName: '王芳',
      phone: '13812340000',
      email: 'wang.fang@example.com',
      sex: 'female',
      vip: true,
      crmStatus: 'following',
      liableAgent: { id: 'a1', name: '李娜' },
      region: { provinceId: '110000', provinceName: '北京市' },
      customFields: [{ fieldId: 'f1', value: '101,102' }],
    });
    expect(body).toEqual({
      nick: '王芳',
      uname: '王芳',
      tel: '13812340000',
      email: 'wang.fang@example.com',
      sex: 2,
      is_vip: '1',
      crm_status: 3,
      liable_serviceid: 'a1',
      liable_service_name: '李娜',
      proviceid: '110000',
      provice_name: '北京市',
      ex_field_str: '[{"fieldid":"f1","field_value":"101,102"}]',
    });
  });

  it('leaves out what the agent did not touch', () => {
    expect(toSobotCustomerBody({ nick: '张三' })).toEqual({ nick: '张三' });
  });
});

describe('assignBizType', () => {
  it('picks the documented business type from where the customer is', () => {
    expect(assignBizType('unassigned')).toBe('1');
    expect(assignBizType('public-pool')).toBe('2');
    expect(assignBizType('following')).toBe('5');
    expect(assignBizType(undefined)).toBe('4');
  });
});
