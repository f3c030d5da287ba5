// The control API under /__control/ that every mock CRM answers the same way: the endpoint list, reset,
// the request log, latency, failures and down. A backend adds its own endpoints (a look at stored data,
// raw patches, token expiry) through createControlApi; tests, e2e specs, benchmarks and the demo all
// rely on these paths, bodies and answers staying as they are. Imported by each backend's control.ts.
import { FAILURE_KINDS, type FailureKind, type Faults } from './faults';
import type { RequestLog } from './request-log';

export interface ControlReply {
  status: number;
  body: unknown;
}

/** What the generic endpoints need of a running mock. */
export interface ControlBase {
  /** Back to the seed, faults off, request log cleared. */
  reset(): void;
  faults: Faults;
  log: RequestLog;
}

type ControlHandler<Target> = (target: Target, match: RegExpMatchArray, body: unknown) => ControlReply;
export type ControlRoute<Target> = readonly [method: string, path: RegExp, handler: ControlHandler<Target>];

export const done = (body: Record<string, unknown> = {}): ControlReply => ({ status: 200, body: { ok: true, ...body } });
export const refuse = (status: number, error: string): ControlReply => ({ status, body: { ok: false, error } });

export const objectBody = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

const GENERIC_ROUTES: readonly ControlRoute<ControlBase>[] = [
  [
    'POST',
    /^reset$/,
    (target) => {
      target.reset();
      return done();
    },
  ],

  ['GET', /^requests$/, (target) => done(target.log.snapshot())],

  [
    'DELETE',
    /^requests$/,
    (target) => {
      target.log.clear();
      return done();
    },
  ],

  [
    'POST',
    /^latency$/,
    (target, _match, body) => {
      const ms = Number(objectBody(body).ms);
      if (!Number.isFinite(ms) || ms < 0) return refuse(400, 'latency needs {ms: number >= 0}');
      target.faults.setLatency(ms);
      return done({ ms });
    },
  ],

  [
    'POST',
    /^failures$/,
    (target, _match, body) => {
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
    },
  ],

  [
    'POST',
    /^down$/,
    (target, _match, body) => {
      const { down, mode } = objectBody(body);
      if (typeof down !== 'boolean') return refuse(400, "down needs {down: boolean, mode?: 'close' | '503'}");
      if (mode !== undefined && mode !== 'close' && mode !== '503') return refuse(400, "mode must be 'close' or '503'");
      target.faults.setDown(down ? (mode ?? 'close') : undefined);
      return done({ down, mode: down ? (mode ?? 'close') : undefined });
    },
  ],
];

/**
 * The dispatcher for one backend's control API: the generic endpoints, then the backend's own, in that
 * order in the listing that `GET /__control/` answers.
 */
export function createControlApi<Target extends ControlBase>(backendRoutes: readonly ControlRoute<Target>[]) {
  const routes: ControlRoute<Target>[] = [
    ['GET', /^$/, () => done({ endpoints: routes.map(([method, path]) => `${method} /__control/${path.source.replace(/^\^|\$$/g, '')}`) })],
    ...GENERIC_ROUTES,
    ...backendRoutes,
  ];
  return (target: Target, method: string, path: string, body: unknown): ControlReply => {
    for (const [routeMethod, pattern, handler] of routes) {
      const match = path.match(pattern);
      if (match && routeMethod === method) return handler(target, match, body);
    }
    return refuse(404, `no control endpoint ${method} /__control/${path}`);
  };
}
