// The Sobot mock's own control endpoints under /__control/, next to the generic ones of
// shared/control.ts: expire the token, look at a customer as stored, act as a colleague and plant hostile
// data, merge or delete customers. Plain JSON with HTTP statuses; never reachable through the Sobot paths. Only sobot/server.ts
// imports it.
import { createControlApi, done, objectBody, refuse, type ControlBase, type ControlRoute } from '../shared/control';
import type { TokenAuthority } from './auth';
import { mergeCustomers } from './merge';
import { AGENTS, COMPANY_ID } from './reference-data';
import { moveStage } from './routes/dynamics';
import { setCustomerLabels } from './routes/labels';
import { INTERNAL_CUSTOMER_KEYS, toMs, type SobotState } from './state';
import { agentOperator } from './timeline';

export interface ControlTarget extends ControlBase {
  state(): SobotState;
  auth: TokenAuthority;
  now: () => number;
}

const stringList = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

/** The colleague whose concurrent edits the control API plays. */
const DEFAULT_COLLEAGUE = '赵换然';

const colleagueNamed = (agent: unknown) => AGENTS.find((candidate) => candidate.name === (typeof agent === 'string' ? agent : DEFAULT_COLLEAGUE));

const SOBOT_ROUTES: ControlRoute<ControlTarget>[] = [
  [
    'POST',
    /^expire-token$/,
    (target) => {
      target.auth.expireCurrent();
      return done();
    },
  ],

  [
    'GET',
    /^state\/customer\/([^/]+)$/,
    (target, match) => {
      const state = target.state();
      const customer = state.customers.get(decodeURIComponent(match[1] ?? ''));
      if (!customer) return refuse(404, 'no such customer');
      const labels = customer.labelIds.map((id) => {
        const label = state.labels.find((candidate) => candidate.id === id);
        const group = state.labelGroups.find((candidate) => candidate.id === label?.groupid);
        return { id, name: label?.name ?? null, groupid: label?.groupid ?? null, group_name: group?.name ?? null };
      });
      const timeline = [...(state.dynamics.get(customer.id) ?? [])].sort((a, b) => toMs(b.biz_time) - toMs(a.biz_time));
      return done({ customer, labels, stage: { id: customer.stageId ?? null, type: customer.stageType ?? null }, timeline });
    },
  ],

  [
    'POST',
    /^act-as-colleague\/labels\/([^/]+)$/,
    (target, match, body) => {
      const state = target.state();
      const customer = state.customers.get(decodeURIComponent(match[1] ?? ''));
      if (!customer) return refuse(404, 'no such customer');
      const { add, remove, agent } = objectBody(body);
      const toAdd = stringList(add);
      const toRemove = new Set(stringList(remove));
      const unknown = [...toAdd, ...toRemove].find((id) => !state.labels.some((label) => label.id === id));
      if (unknown) return refuse(400, `no label ${unknown}`);
      const colleague = colleagueNamed(agent);
      if (!colleague) return refuse(400, 'no agent of that name');
      const labelIds = [...customer.labelIds.filter((id) => !toRemove.has(id)), ...toAdd.filter((id) => !customer.labelIds.includes(id))];
      setCustomerLabels(state, customer, labelIds, target.now(), agentOperator(colleague));
      return done({ labelIds });
    },
  ],

  [
    'POST',
    /^act-as-colleague\/stage\/([^/]+)$/,
    (target, match, body) => {
      const state = target.state();
      const { stageId, stageType, agent } = objectBody(body);
      const [customer, colleague] = [state.customers.get(decodeURIComponent(match[1] ?? '')), colleagueNamed(agent)];
      if (!customer || !colleague) return refuse(customer ? 400 : 404, customer ? 'no agent of that name' : 'no such customer');
      const problem = moveStage(
        state,
        customer,
        { stageId: typeof stageId === 'string' ? stageId : undefined, stageType: Number(stageType ?? 1) },
        target.now(),
        agentOperator(colleague),
      );
      return problem ? refuse(400, problem) : done({ stageId: customer.stageId ?? null });
    },
  ],

  // Section 4.3: `userid` keeps its record and absorbs `merged_userid`, which stops existing. Answers the
  // push the CRM would send to a callback, for tests to compare.
  [
    'POST',
    /^merge$/,
    (target, _match, body) => {
      const { userid, merged_userid: mergedUserid, agent } = objectBody(body);
      const colleague = colleagueNamed(agent);
      if (!colleague) return refuse(400, 'no agent of that name');
      const state = target.state();
      const kept = state.customers.get(String(userid));
      const merged = state.customers.get(String(mergedUserid));
      if (!kept || !merged) return refuse(404, 'merge needs {userid, merged_userid} of two existing customers');
      if (kept === merged) return refuse(400, 'a customer cannot be merged into itself');
      mergeCustomers(state, kept, merged, target.now(), agentOperator(colleague));
      const content = {
        companyid: COMPANY_ID,
        datetime: Math.floor(target.now() / 1000),
        biz_operatorid: colleague.id,
        msg_type: 1,
        biz_operator_name: colleague.name,
        userid: kept.id,
        merged_userid: merged.id,
      };
      return done({ push: { sys_code: '50', type: 'crm', content: [content] } });
    },
  ],

  [
    'POST',
    /^customers\/([^/]+)\/delete$/,
    (target, match) => {
      const state = target.state();
      const id = decodeURIComponent(match[1] ?? '');
      if (!state.customers.delete(id)) return refuse(404, 'no such customer');
      state.dynamics.delete(id);
      return done();
    },
  ],

  [
    'POST',
    /^customers\/([^/]+)\/patch$/,
    (target, match, body) => {
      const customer = target.state().customers.get(decodeURIComponent(match[1] ?? ''));
      if (!customer) return refuse(404, 'no such customer');
      const fields = objectBody(body);
      const internal = Object.keys(fields).find((key) => INTERNAL_CUSTOMER_KEYS.has(key) || key === 'id');
      if (internal) return refuse(400, `${internal} cannot be patched; use the API or act-as-colleague`);
      // Values are stored as given, of any type: this is how tests plant hostile or malformed data.
      Object.assign(customer, fields);
      return done({ customer });
    },
  ],
];

export const handleControl = createControlApi(SOBOT_ROUTES);
