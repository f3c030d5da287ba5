// The control API under /__control/: what tests, benchmarks and the demo use to reset data, read the
// request log, inject faults, expire the token, look at a customer as stored, act as a colleague and
// plant hostile data. Plain JSON with HTTP statuses; never reachable through the Sobot paths.
import type { TokenAuthority } from './auth';
import { FAILURE_KINDS, type FailureKind, type Faults } from './faults';
import { AGENTS } from './reference-data';
import type { RequestLog } from './request-log';
import { setCustomerLabels } from './routes/labels';
import { INTERNAL_CUSTOMER_KEYS, toMs, type SobotState } from './state';
import { agentOperator } from './timeline';

export interface ControlTarget {
  state(): SobotState;
  reset(): void;
  auth: TokenAuthority;
  faults: Faults;
  log: RequestLog;
  now: () => number;
}

interface ControlReply {
  status: number;
  body: unknown;
}

const done = (body: Record<string, unknown> = {}): ControlReply => ({ status: 200, body: { ok: true, ...body } });
const refuse = (status: number, error: string): ControlReply => ({ status, body: { ok: false, error } });

const objectBody = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
const stringList = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

/** The colleague whose concurrent edits the control API plays. */
const DEFAULT_COLLEAGUE = '赵换然';

type Handler = (target: ControlTarget, match: RegExpMatchArray, body: unknown) => ControlReply;

const HANDLERS: [method: string, path: RegExp, handler: Handler][] = [
  ['GET', /^$/, () => done({ endpoints: HANDLERS.map(([method, path]) => `${method} /__control/${path.source.replace(/^\^|\$$/g, '')}`) })],

  ['POST', /^reset$/, (target) => {
    target.reset();
    return done();
  }],

  ['GET', /^requests$/, (target) => done(target.log.snapshot())],

  ['DELETE', /^requests$/, (target) => {
    target.log.clear();
    return done();
  }],

  ['POST', /^latency$/, (target, _match, body) => {
    const ms = Number(objectBody(body).ms);
    if (!Number.isFinite(ms) || ms < 0) return refuse(400, 'latency needs {ms: number >= 0}');
    target.faults.setLatency(ms);
    return done({ ms });
  }],

  ['POST', /^failures$/, (target, _match, body) => {
    const { rate, next, kind, endpoint, applied } = objectBody(body);
    if (rate === undefined && next === undefined) {
      target.faults.setFailures(undefined);
      return done({ failures: null });
    }
    if (!FAILURE_KINDS.includes(kind as FailureKind)) return refuse(400, `kind must be one of ${FAILURE_KINDS.join(', ')}`);
    if (rate !== undefined && (typeof rate !== 'number' || rate < 0 || rate > 1)) return refuse(400, 'rate must be a number from 0 to 1');
    if (next !== undefined && (typeof next !== 'number' || !Number.isInteger(next) || next < 0)) return refuse(400, 'next must be a whole number');
    const plan = {
      kind: kind as FailureKind,
      ...(next !== undefined ? { next } : { rate: rate as number }),
      ...(typeof endpoint === 'string' ? { endpoint } : {}),
      applied: applied === true,
    };
    target.faults.setFailures(plan);
    return done({ failures: plan });
  }],

  ['POST', /^down$/, (target, _match, body) => {
    const { down, mode } = objectBody(body);
    if (typeof down !== 'boolean') return refuse(400, "down needs {down: boolean, mode?: 'close' | '503'}");
    if (mode !== undefined && mode !== 'close' && mode !== '503') return refuse(400, "mode must be 'close' or '503'");
    target.faults.setDown(down ? (mode ?? 'close') : undefined);
    return done({ down, mode: down ? (mode ?? 'close') : undefined });
  }],

  ['POST', /^expire-token$/, (target) => {
    target.auth.expireCurrent();
    return done();
  }],

  ['GET', /^state\/customer\/([^/]+)$/, (target, match) => {
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
  }],

  ['POST', /^act-as-colleague\/labels\/([^/]+)$/, (target, match, body) => {
    const state = target.state();
    const customer = state.customers.get(decodeURIComponent(match[1] ?? ''));
    if (!customer) return refuse(404, 'no such customer');
    const { add, remove, agent } = objectBody(body);
    const toAdd = stringList(add);
    const toRemove = new Set(stringList(remove));
    const unknown = [...toAdd, ...toRemove].find((id) => !state.labels.some((label) => label.id === id));
    if (unknown) return refuse(400, `no label ${unknown}`);
    const colleague = AGENTS.find((candidate) => candidate.name === (typeof agent === 'string' ? agent : DEFAULT_COLLEAGUE));
    if (!colleague) return refuse(400, 'no agent of that name');
    const labelIds = [...customer.labelIds.filter((id) => !toRemove.has(id)), ...toAdd.filter((id) => !customer.labelIds.includes(id))];
    setCustomerLabels(state, customer, labelIds, target.now(), agentOperator(colleague));
    return done({ labelIds });
  }],

  ['POST', /^customers\/([^/]+)\/patch$/, (target, match, body) => {
    const customer = target.state().customers.get(decodeURIComponent(match[1] ?? ''));
    if (!customer) return refuse(404, 'no such customer');
    const fields = objectBody(body);
    const internal = Object.keys(fields).find((key) => INTERNAL_CUSTOMER_KEYS.has(key) || key === 'id');
    if (internal) return refuse(400, `${internal} cannot be patched; use the API or act-as-colleague`);
    // Values are stored as given, of any type: this is how tests plant hostile or malformed data.
    Object.assign(customer, fields);
    return done({ customer });
  }],
];

export function handleControl(target: ControlTarget, method: string, path: string, body: unknown): ControlReply {
  for (const [handlerMethod, pattern, handler] of HANDLERS) {
    const match = path.match(pattern);
    if (match && handlerMethod === method) return handler(target, match, body);
  }
  return refuse(404, `no control endpoint ${method} /__control/${path}`);
}
