// A customer's timeline and follow-up stages (document section 3.4–3.5): reading the timeline by
// group, appending follow-up records and moving the stage. record_save is not idempotent: the same
// note sent twice is two entries, as in the real CRM.
import { invalid, ok, paged, type Route } from '../http';
import { API_AGENT, STAGES, STAGE_TYPE_NAMES } from '../reference-data';
import { BIZ_TYPE_GROUPS, markUpdated, toMs, type CustomerRecord, type SobotState } from '../state';
import { agentOperator, recordNote, recordStageChange, type Operator } from '../timeline';

const DEFAULT_PAGE_SIZE = 15;
const RESULT_TYPES = new Set([2, 21, 22, 23]);
// The document's example passes biz_type=1; read the digits as the three groups in documented order.
const GROUP_ALIASES: Record<string, string> = { '1': 'groupService', '2': 'groupUser', '3': 'groupOther' };

/**
 * Moves a customer's follow-up stage (or records a result) as stage_save does, for the API and for the
 * control API's colleague. Returns the CRM's words for a refusal, or nothing when it moved.
 */
export function moveStage(
  state: SobotState,
  customer: CustomerRecord,
  change: { stageId?: string; stageType: number; remark?: string },
  atMs: number,
  operator: Operator,
): string | undefined {
  const { stageType } = change;
  if (!STAGE_TYPE_NAMES[stageType]) return 'stage_type参数错误:1跟进过程,2跟进结果(21成单,22输单,23无效)';
  const result = RESULT_TYPES.has(stageType);
  const stageId = change.stageId || (result ? customer.stageId : undefined);
  const stage = STAGES.find((candidate) => candidate.id === stageId);
  if (!stage && !result) return '跟进阶段不存在';
  const oldStage = STAGES.find((candidate) => candidate.id === customer.stageId);
  recordStageChange(state, customer.id, { atMs }, operator, {
    stageType,
    stageId: stage?.id ?? null,
    // A result is recorded by its type; the document's own result entry has no stage name.
    stageName: result ? null : (stage?.name ?? null),
    oldStageName: oldStage?.name ?? null,
    remark: change.remark ?? '',
  });
  if (stage) customer.stageId = stage.id;
  customer.stageType = stageType;
  markUpdated(customer, atMs, operator);
  return undefined;
}

export const dynamicRoutes: Route[] = [
  {
    methods: ['GET', 'POST'],
    path: 'user_dynamic/list_by_page',
    handle(context) {
      const { state, param } = context;
      const userid = param('userid');
      if (!userid) return invalid('userid不能为空');
      const bizType = param('biz_type');
      const group = bizType ? BIZ_TYPE_GROUPS[GROUP_ALIASES[bizType] ?? bizType] : undefined;
      if (bizType && !group) return invalid('biz_type参数错误:groupService,groupUser,groupOther');
      // Newest first; of two entries in the same millisecond, the one written later comes first.
      const entries = (state.dynamics.get(userid) ?? [])
        .map((entry, order) => ({ entry, order }))
        .filter(({ entry }) => !group || group.includes(entry.biz_type))
        .sort((a, b) => toMs(b.entry.biz_time) - toMs(a.entry.biz_time) || b.order - a.order)
        .map(({ entry }) => entry);
      return ok(paged(entries, context, DEFAULT_PAGE_SIZE));
    },
  },
  {
    methods: ['POST'],
    path: 'user_stage/record_save',
    handle({ state, now, param }) {
      const customer = state.customers.get(param('userid') ?? '');
      if (!customer) return invalid('客户不存在');
      const content = param('content');
      if (!content?.trim()) return invalid('跟进内容不能为空');
      recordNote(state, customer.id, { atMs: now() }, agentOperator(API_AGENT), content);
      markUpdated(customer, now(), agentOperator(API_AGENT));
      return ok();
    },
  },
  {
    methods: ['GET'],
    path: 'user_stage/query_list_by_type',
    handle: () => ok({ items: STAGES.map((stage) => ({ ...stage })) }),
  },
  {
    methods: ['POST'],
    path: 'user_stage/stage_save',
    handle({ state, now, param }) {
      const customer = state.customers.get(param('userid') ?? '');
      if (!customer) return invalid('客户不存在');
      const problem = moveStage(
        state,
        customer,
        { stageId: param('stageid'), stageType: Number(param('stage_type') ?? '1'), remark: param('remark') },
        now(),
        agentOperator(API_AGENT),
      );
      return problem ? invalid(problem) : ok();
    },
  },
];
