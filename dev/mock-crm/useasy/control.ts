// The Useasy mock's control API under /__control/, the same vocabulary as the Sobot mock's: reset, the
// request log, latency, failures and down, plus a look at a customer as stored and a raw patch to plant
// hostile data. The faults and the log are the Sobot mock's own modules, shared; never reachable
// through /openapi/ paths. Mock-only.
import { FAILURE_KINDS, type FailureKind, type Faults } from '../sobot/faults';
import type { RequestLog } from '../sobot/request-log';
import type { UseasyState } from './state';

export interface ControlTarget {
  state(): UseasyState;
  reset(): void;
  faults: Faults;
  log: RequestLog;
}

interface ControlReply {
  status: number;
  body: unknown;
}

const done = (body: Record<string, unknown> = {}): ControlReply => ({ status: 200, body: { ok: true, ...body } });
const refuse = (status: number, error: string): ControlReply => ({ status, body: { ok: false, error } });

const objectBody = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

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

  ['GET', /^state\/customer\/([^/]+)$/, (target, match) => {
    const customer = target.state().customers.get(decodeURIComponent(match[1] ?? ''));
    return customer ? done({ customer }) : refuse(404, 'no such customer');
  }],

  ['POST', /^customers\/([^/]+)\/patch$/, (target, match, body) => {
    const customer = target.state().customers.get(decodeURIComponent(match[1] ?? ''));
    if (!customer) return refuse(404, 'no such customer');
    const fields = objectBody(body);
    if ('_id' in fields) return refuse(400, '_id cannot be patched: it is the key the customer is stored under');
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
