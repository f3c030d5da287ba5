// Builds timeline entries (user_dynamic records) in the document's biz_content shapes, for the seed,
// for the write routes and for the control API's colleague. Every customer change that Sobot would
// record goes through one of these builders, so seeded and live entries look alike.
import { COMPANY_ID, STAGE_TYPE_NAMES, type Agent } from './reference-data';
import { newId, type BizType, type DynamicRecord, type SobotState } from './state';

export interface Operator {
  bizOperatorType: number;
  bizOperatorTypeName?: string;
  bizOperatorId: string | null;
  bizOperatorName: string | null;
}

export const agentOperator = (agent: Agent): Operator => ({
  bizOperatorType: 1,
  bizOperatorId: agent.id,
  bizOperatorName: agent.name,
});

/** Robots and imports create customers without an agent. */
export const robotOperator = (typeName: string, type: number): Operator => ({
  bizOperatorType: type,
  bizOperatorTypeName: typeName,
  bizOperatorId: null,
  bizOperatorName: null,
});

export interface FieldChange {
  field: string;
  name: string;
  value: string | null;
  oldValue: string | null;
}

export interface EntryTime {
  /** Epoch milliseconds of the event. */
  atMs: number;
  /** Whether biz_time is written in seconds, as some of Sobot's own entries are. */
  inSeconds?: boolean;
}

function entry(state: SobotState, userid: string, bizType: BizType, time: EntryTime, content: Record<string, unknown>, asJsonString = false): DynamicRecord {
  const record: DynamicRecord = {
    id: newId(state, 'dynamic'),
    companyid: COMPANY_ID,
    userid,
    biz_type: bizType,
    biz_time: time.inSeconds ? Math.floor(time.atMs / 1000) : time.atMs,
    biz_content: asJsonString ? JSON.stringify(content) : content,
    create_time: Math.floor(time.atMs / 1000),
  };
  const timeline = state.dynamics.get(userid) ?? [];
  timeline.push(record);
  state.dynamics.set(userid, timeline);
  return record;
}

export function recordCreated(state: SobotState, userid: string, time: EntryTime, operator: Operator, datas: FieldChange[]) {
  return entry(state, userid, 'user_create', time, {
    userStage: null,
    liableServiceName: null,
    helperServiceName: null,
    bizIdType: null,
    bizId: null,
    ...operator,
    bizOperatorTypeName: operator.bizOperatorTypeName ?? '手动创建',
    datas: datas.map((data) => ({ type: 1, ...data })),
  });
}

export function recordFieldsChanged(
  state: SobotState,
  userid: string,
  time: EntryTime,
  operator: Operator,
  datas: FieldChange[],
  bizType: 'user_update' | 'user_label_update' | 'user_assign' | 'user_recycle' = 'user_update',
) {
  return entry(state, userid, bizType, time, { ...operator, datas: datas.map((data) => ({ type: 1, ...data })) });
}

export function recordStageChange(
  state: SobotState,
  userid: string,
  time: EntryTime,
  operator: Operator,
  change: { stageType: number; stageId: string | null; stageName: string | null; oldStageName: string | null; remark: string },
) {
  return entry(state, userid, 'user_stage_update', time, {
    stageType: String(change.stageType),
    stageTypeName: STAGE_TYPE_NAMES[change.stageType] ?? '',
    stageId: change.stageId,
    stageName: change.stageName,
    oldStageName: change.oldStageName,
    remark: change.remark,
    ...operator,
  });
}

export function recordNote(state: SobotState, userid: string, time: EntryTime, operator: Operator, content: string, asJsonString = false) {
  return entry(state, userid, 'user_follow_record', time, { content, ...operator }, asJsonString);
}

export function recordCustomerActivity(
  state: SobotState,
  userid: string,
  time: EntryTime,
  bizType: 'user_chat' | 'user_visit',
  content: Record<string, unknown>,
  asJsonString = false,
) {
  return entry(state, userid, bizType, time, { bizOperatorType: 0, bizOperatorId: null, bizOperatorName: null, ...content }, asJsonString);
}
