// Reads and checks the writable customer fields of user/save and user/update: the document's rules
// (names up to 50 characters, a responsible agent when crm_status is 3, region ids that exist) and
// ex_field_str values that match the field definitions. Answers a patch or the error reply.
import { charLength, invalid, type Reply, type RouteContext } from './http';
import { AGENTS, CITIES, DISTRICTS, PROVINCES, type FieldDefinition } from './reference-data';
import type { CustomerRecord, SobotState } from './state';
import type { FieldChange } from './timeline';

const MAX_NAME = 50;

/** Writable text fields and how the timeline names them. */
const TEXT_FIELDS: Record<string, string> = {
  nick: '昵称',
  uname: '真实姓名',
  email: '邮箱',
  tel: '电话',
  qq: 'QQ',
  wx: '微信',
  remark: '备注',
  enterpriseid: '企业ID',
  enterprise_name: '企业名称',
  vip_level: 'VIP级别',
  visitorids: '访客id',
  partnerid: '对接id',
  wx_build_unionid: '微信unionId',
};
const NUMBER_FIELDS: Record<string, { name: string; allowed: string[]; message: string }> = {
  sex: { name: '性别', allowed: ['1', '2'], message: '性别参数错误:1男,2女' },
  crm_status: { name: '客户状态', allowed: ['1', '2', '3', '4'], message: 'crm_status参数错误:1首咨,2待分配,3跟进中,4公海' },
  user_status: { name: '黑名单', allowed: ['0', '1'], message: 'user_status参数错误:0正常,1黑名单' },
};

export const bodyFields = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

function findField(state: SobotState, entry: Record<string, unknown>): FieldDefinition | undefined {
  const active = state.customFields.filter((field) => field.field_status === 1);
  if (entry.fieldid !== undefined) return active.find((field) => field.field_id === String(entry.fieldid));
  // "当定义字段为下拉选时,fieldid和field_params可二选一传入"
  if (entry.field_params !== undefined) return active.find((field) => field.field_params === String(entry.field_params));
  return undefined;
}

function valueProblem(field: FieldDefinition, value: string): string | undefined {
  if (value === '') return undefined;
  const options = field.cus_field_data_info_list;
  if (options) {
    const parts = value.split(',');
    if ([6, 8].includes(field.field_type) && parts.length > 1) return `自定义字段[${field.field_name}]只能选择一项`;
    if (parts.some((part) => !options.some((option) => option.data_value === part))) return `自定义字段[${field.field_name}]选项不存在`;
  }
  if (field.field_type === 5 && !Number.isFinite(Number(value))) return `自定义字段[${field.field_name}]应为数值`;
  if (field.field_type === 3 && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `自定义字段[${field.field_name}]日期格式应为yyyy-MM-dd`;
  if (field.field_type === 4 && !/^\d{2}:\d{2}(:\d{2})?$/.test(value)) return `自定义字段[${field.field_name}]时间格式应为HH:mm`;
  return undefined;
}

/** ex_field_str: a JSON string (or, tolerated, an array) of {fieldid | field_params, field_value}. */
function parseExFields(state: SobotState, raw: unknown): { values: Record<string, string> } | { error: Reply } {
  let entries = raw;
  if (typeof raw === 'string') {
    try {
      entries = JSON.parse(raw) as unknown;
    } catch {
      return { error: invalid('ex_field_str格式错误,应为JSON数组字符串') };
    }
  }
  if (!Array.isArray(entries)) return { error: invalid('ex_field_str格式错误,应为JSON数组字符串') };
  const values: Record<string, string> = {};
  for (const entry of entries) {
    const record = bodyFields(entry);
    const field = findField(state, record);
    if (!field) return { error: invalid(`自定义字段不存在:${String(record.fieldid ?? record.field_params ?? '')}`) };
    const value = record.field_value === undefined || record.field_value === null ? '' : String(record.field_value);
    const problem = valueProblem(field, value);
    if (problem) return { error: invalid(problem) };
    values[field.field_id] = value;
  }
  return { values };
}

/**
 * Reads the writable fields of a save or update request into a patch of the record, checking the
 * document's rules (names ≤ 50 characters, a responsible agent when crm_status is 3).
 */
export function readCustomerPatch(
  context: RouteContext,
  existing: CustomerRecord | undefined,
): { patch: Partial<CustomerRecord>; exFields?: Record<string, string> } | { error: Reply } {
  const { param, state } = context;
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(TEXT_FIELDS)) {
    const value = param(key);
    if (value !== undefined) patch[key] = value.trim();
  }
  if (typeof patch.nick === 'string' && charLength(patch.nick) > MAX_NAME) return { error: invalid('客户昵称不能超过50字') };
  if (typeof patch.uname === 'string' && charLength(patch.uname) > MAX_NAME) return { error: invalid('真实姓名不能超过50字') };
  for (const [key, rule] of Object.entries(NUMBER_FIELDS)) {
    const value = param(key);
    if (value === undefined || value === '') continue;
    if (!rule.allowed.includes(value)) return { error: invalid(rule.message) };
    patch[key] = Number(value);
  }
  const vip = param('is_vip');
  if (vip !== undefined && vip !== '') {
    if (vip !== '0' && vip !== '1') return { error: invalid('is_vip参数错误:0普通,1vip') };
    patch.is_vip = vip;
  }

  const liableId = param('liable_serviceid');
  if (liableId) {
    const agent = AGENTS.find((candidate) => candidate.id === liableId);
    if (!agent) return { error: invalid('负责人不存在') };
    patch.liable_serviceid = agent.id;
    patch.liable_service_name = param('liable_service_name') || agent.name;
  }
  const status = (patch.crm_status as number | undefined) ?? existing?.crm_status;
  if (status === 3 && !(patch.liable_serviceid ?? existing?.liable_serviceid)) {
    return { error: invalid('crm_status=3(跟进中)时,负责人id(liable_serviceid)必填') };
  }

  const provinceId = param('proviceid');
  if (provinceId) {
    const province = PROVINCES.find((candidate) => candidate.provinceid === provinceId);
    if (!province) return { error: invalid('省份不存在') };
    Object.assign(patch, { proviceid: province.provinceid, provice_name: province.province_name });
  }
  const cityId = param('cityid');
  if (cityId) {
    const city = CITIES.find((candidate) => candidate.cityid === cityId);
    if (!city) return { error: invalid('城市不存在') };
    Object.assign(patch, { cityid: city.cityid, city_name: city.city_name });
  }
  const areaId = param('areaid');
  if (areaId) {
    const district = DISTRICTS.find((candidate) => candidate.areaid === areaId);
    if (!district) return { error: invalid('区县不存在') };
    Object.assign(patch, { areaid: district.areaid, area_name: district.area_name });
  }

  const rawExFields = bodyFields(context.body).ex_field_str ?? param('ex_field_str');
  if (rawExFields === undefined || rawExFields === '') return { patch: patch as Partial<CustomerRecord> };
  const exFields = parseExFields(state, rawExFields);
  if ('error' in exFields) return exFields;
  return { patch: patch as Partial<CustomerRecord>, exFields: exFields.values };
}

const FIELD_NAMES: Record<string, string> = {
  ...TEXT_FIELDS,
  ...Object.fromEntries(Object.entries(NUMBER_FIELDS).map(([key, rule]) => [key, rule.name])),
  is_vip: '客户等级',
  liable_service_name: '负责人',
  provice_name: '省份',
  city_name: '城市',
  area_name: '区县',
};
export const shown = (value: unknown) => (value === undefined || value === null || value === '' ? null : String(value));

export function changesBetween(before: Partial<CustomerRecord>, patch: Partial<CustomerRecord>): FieldChange[] {
  return Object.entries(patch).flatMap(([key, value]) => {
    const name = FIELD_NAMES[key];
    const oldValue = before[key as keyof CustomerRecord];
    return name && shown(value) !== shown(oldValue) ? [{ field: key, name, value: shown(value), oldValue: shown(oldValue) }] : [];
  });
}
