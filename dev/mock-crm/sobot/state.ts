// The mock company's mutable data: label groups, labels, customers and their timelines. Routes and the
// control API change it only through these records; `seedState()` (seed.ts) builds a fresh copy, so a
// reset never shares objects with the previous run.
import { md5Hex } from '../shared/prng';
import type { FieldDefinition } from './reference-data';

export interface LabelGroupRecord {
  id: string;
  bizid: null;
  type: number;
  name: string;
  color_value: string;
  is_multiple_choice: 0 | 1;
  status: number;
  create_time: string;
  update_time: string;
}

export interface LabelRecord {
  id: string;
  groupid: string;
  bizid: null;
  name: string;
  param_name: string | null;
  status: number;
  create_time: string;
  update_time: string;
}

/**
 * A customer as stored: wire names (snake_case) for everything the API shows, plus the links the API
 * serialises separately. A control patch may write any value of any type into it, so serialisers read
 * it as untyped data.
 */
export interface CustomerRecord {
  id: string;
  pid: string;
  nick: string;
  uname?: string;
  email?: string;
  tel?: string;
  qq?: string;
  wx?: string;
  sex?: number;
  crm_status: number;
  liable_serviceid?: string;
  liable_service_name?: string;
  proviceid?: string;
  provice_name?: string;
  cityid?: string;
  city_name?: string;
  areaid?: string;
  area_name?: string;
  remark?: string;
  enterpriseid?: string;
  enterprise_name?: string;
  is_vip: string;
  vip_level?: string;
  user_status: number;
  source: number;
  status: number;
  create_type: number;
  create_time: number;
  create_serviceid?: string;
  create_service_name?: string;
  update_time: number;
  update_user_id?: string;
  update_user_name?: string;
  partnerid?: string;
  visitorids?: string;
  wx_build_unionid?: string;
  /** Custom-field values by field id, as stored: option values comma-joined. */
  ex_fields: Record<string, string>;
  /** Set only by a control patch: sent verbatim in place of the generated ex_field_str. */
  ex_field_str?: unknown;
  labelIds: string[];
  stageId?: string;
  stageType?: number;
}

/** Keys of CustomerRecord that are links, not wire fields. */
export const INTERNAL_CUSTOMER_KEYS = new Set(['ex_fields', 'labelIds', 'stageId', 'stageType']);

export type BizType =
  | 'user_create'
  | 'user_update'
  | 'user_label_update'
  | 'user_assign'
  | 'user_recycle'
  | 'user_stage_update'
  | 'user_follow_record'
  | 'user_chat'
  | 'user_visit';

export interface DynamicRecord {
  id: string;
  companyid: string;
  userid: string;
  biz_type: BizType;
  /** Milliseconds or seconds: Sobot's own data mixes both. */
  biz_time: number;
  /** An object, or (in some old records) the same object as a JSON string. */
  biz_content: Record<string, unknown> | string;
  create_time: number;
}

/** user_dynamic/list_by_page's biz_type filter groups the concrete types. */
export const BIZ_TYPE_GROUPS: Record<string, BizType[]> = {
  groupService: ['user_stage_update', 'user_follow_record'],
  groupUser: ['user_chat', 'user_visit'],
  groupOther: ['user_create', 'user_update', 'user_label_update', 'user_assign', 'user_recycle'],
};

export interface SobotState {
  labelGroups: LabelGroupRecord[];
  labels: LabelRecord[];
  customers: Map<string, CustomerRecord>;
  /** Each customer's timeline in the order written; readers sort by time. */
  dynamics: Map<string, DynamicRecord[]>;
  customFields: FieldDefinition[];
  /** Counts up for ids made after the seed, so new ids never collide with seeded ones. */
  nextSerial: number;
}

/**
 * Stamps a customer as changed by an operator (an agent, or nobody for a robot), as the CRM does on
 * every edit: update_time moves and update_user_* names who did it.
 */
export function markUpdated(customer: CustomerRecord, atMs: number, by: { bizOperatorId: string | null; bizOperatorName: string | null }) {
  customer.update_time = Math.floor(atMs / 1000);
  customer.update_user_id = by.bizOperatorId ?? undefined;
  customer.update_user_name = by.bizOperatorName ?? undefined;
}

/** Epoch milliseconds of either unit: Sobot stores some times in seconds, some in milliseconds. */
export const toMs = (time: number) => (time < 1e11 ? time * 1000 : time);

/** "YYYY-MM-DD HH:mm:ss" in China time, the format of label create_time/update_time. */
export function chinaDateTime(epochMs: number): string {
  return new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A fresh 32-hex id. Derived from a counter, so the same sequence of writes yields the same ids. */
export function newId(state: SobotState, kind: string): string {
  state.nextSerial += 1;
  return md5Hex(`${kind}:new:${state.nextSerial}`);
}
