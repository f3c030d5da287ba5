// The two wire shapes of a customer, quirks included: list items snake_case with numbers as numbers
// and empty fields left out; the detail item camelCase with every value a string and a snake_case
// ex_field_str. Reads records as untyped data because a control patch may have put anything there.
import { INTERNAL_CUSTOMER_KEYS, type CustomerRecord, type SobotState } from './state';

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** The stored custom-field values as the JSON string the API sends, enriched like the detail example. */
function exFieldString(customer: CustomerRecord, state: SobotState, includeEmpty: boolean): unknown {
  if (customer.ex_field_str !== undefined) return customer.ex_field_str;
  const entries = state.customFields
    .filter((field) => field.field_status === 1)
    .flatMap((field) => {
      const value = customer.ex_fields[field.field_id] ?? '';
      if (!includeEmpty && value === '') return [];
      const entry: Record<string, string> = { fieldid: field.field_id, field_value: value };
      const options = field.cus_field_data_info_list;
      if (options && value !== '') {
        const chosen = value.split(',').map((part) => options.find((option) => option.data_value === part));
        entry.field_text = chosen.map((option) => option?.data_name ?? '').join(',');
      }
      entry.field_type = String(field.field_type);
      if (field.field_params && options) {
        entry.field_params = field.field_params;
        const chosen = options.find((option) => option.data_value === value);
        if (chosen?.data_params) entry.data_params = chosen.data_params;
      }
      return [entry];
    });
  return entries.length > 0 || includeEmpty ? JSON.stringify(entries) : undefined;
}

function wireFields(customer: CustomerRecord): [string, unknown][] {
  return Object.entries(customer).filter(([key]) => !INTERNAL_CUSTOMER_KEYS.has(key) && key !== 'ex_field_str');
}

/** Start of the creation day in China time, in seconds, as `create_date`. */
const creationDate = (createTime: unknown) => {
  const seconds = Number(createTime);
  if (!Number.isFinite(seconds)) return undefined;
  const offset = 8 * 3600;
  return Math.floor((seconds + offset) / 86400) * 86400 - offset;
};

export function toListItem(customer: CustomerRecord, state: SobotState): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [key, value] of wireFields(customer)) if (!isEmpty(value)) item[key] = value;
  if (customer.labelIds.length > 0) item.biz_label = customer.labelIds.join(',');
  const exFieldStr = exFieldString(customer, state, false);
  if (!isEmpty(exFieldStr)) item.ex_field_str = exFieldStr;
  item.create_date = creationDate(customer.create_time);
  item.extend_fields = {};
  item.fixed_fields = {};
  return item;
}

// Keys whose camelCase is not the mechanical one: Sobot capitalises the Id inside compound names.
const DETAIL_KEYS: Record<string, string> = {
  liable_serviceid: 'liableServiceId',
  create_serviceid: 'createServiceId',
  wx_build_unionid: 'wxBuildUnionId',
  proviceid: 'proviceId',
  cityid: 'cityId',
  areaid: 'areaId',
  enterpriseid: 'enterpriseId',
  partnerid: 'partnerId',
  visitorids: 'visitorIds',
};
const camel = (key: string) => DETAIL_KEYS[key] ?? key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Primitives become strings; a hostile patch's objects and arrays pass through untouched. */
const asDetailValue = (value: unknown) => (typeof value === 'object' && value !== null ? value : String(value));

export function toDetailItem(customer: CustomerRecord, state: SobotState): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [key, value] of wireFields(customer)) if (!isEmpty(value)) item[camel(key)] = asDetailValue(value);
  if (customer.labelIds.length > 0) item.bizLabel = customer.labelIds.join(',');
  const exFieldStr = exFieldString(customer, state, true);
  if (!isEmpty(exFieldStr)) item.ex_field_str = asDetailValue(exFieldStr);
  item.blackType = String(customer.user_status ?? '0');
  item.updateType = '1';
  return item;
}
