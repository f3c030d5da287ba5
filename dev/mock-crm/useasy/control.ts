// The Useasy mock's own control endpoints under /__control/, next to the generic ones of
// shared/control.ts (reset, the request log, latency, failures, down): a look at a customer as stored and
// a raw patch to plant hostile data. Never reachable through /openapi/ paths. Only useasy/server.ts
// imports it.
import { createControlApi, done, objectBody, refuse, type ControlBase, type ControlRoute } from '../shared/control';
import type { UseasyState } from './state';

export interface ControlTarget extends ControlBase {
  state(): UseasyState;
}

const USEASY_ROUTES: ControlRoute<ControlTarget>[] = [
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

export const handleControl = createControlApi(USEASY_ROUTES);
