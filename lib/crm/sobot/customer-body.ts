// Turns the agent's CustomerInput into Sobot's user/save and user/update body. Pure; only the Sobot
// backend imports it. Fields the input leaves out are left out of the body, so an update changes only
// what the agent changed.
import type { CrmStatus, CustomerInput } from '../domain';

const CRM_STATUS_CODES: Record<CrmStatus, number> = {
  'first-contact': 1,
  unassigned: 2,
  following: 3,
  'public-pool': 4,
};

export function toSobotCustomerBody(input: CustomerInput): Record<string, unknown> {
  const body: Record<string, unknown> = { nick: input.nick };
  const set = (key: string, value: unknown) => {
    if (value !== undefined) body[key] = value;
  };
  set('uname', input.realName);
  set('tel', input.phone);
  set('email', input.email);
  set('qq', input.qq);
  set('wx', input.wechat);
  set('sex', input.sex === undefined ? undefined : input.sex === 'male' ? 1 : 2);
  set('is_vip', input.vip === undefined ? undefined : input.vip ? '1' : '0');
  set('crm_status', input.crmStatus && CRM_STATUS_CODES[input.crmStatus]);
  set('liable_serviceid', input.liableAgent?.id);
  set('liable_service_name', input.liableAgent?.name);
  set('proviceid', input.region?.provinceId);
  set('provice_name', input.region?.provinceName);
  set('cityid', input.region?.cityId);
  set('city_name', input.region?.cityName);
  set('areaid', input.region?.districtId);
  set('area_name', input.region?.districtName);
  set('enterprise_name', input.company);
  set('remark', input.remark);
  if (input.customFields?.length) {
    // The document's quirk: the extension fields travel as a JSON-encoded string.
    set('ex_field_str', JSON.stringify(input.customFields.map((field) => ({ fieldid: field.fieldId, field_value: field.value }))));
  }
  return body;
}

/** public_user/assign's assign_biz_type for a customer in each status. */
export function assignBizType(from: CrmStatus | undefined): string {
  switch (from) {
    case 'first-contact':
    case 'unassigned':
      return '1';
    case 'public-pool':
      return '2';
    case 'following':
      return '5';
    default:
      return '4';
  }
}
