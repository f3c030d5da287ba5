// The Useasy mock's own control endpoints under /__control/, next to the generic ones of
// shared/control.ts (reset, the request log, latency, failures, down): a look at a customer as stored,
// a raw patch to plant hostile data, and which of the document's get-by-id forms the server serves. Never reachable through /openapi/ paths. Only useasy/server.ts
// imports it.
import { createControlApi, done, objectBody, refuse, type ControlBase, type ControlRoute } from '../shared/control';
import { GET_BY_ID_FORMS, type GetByIdForms } from './routes';
import type { UseasyState } from './state';

export interface ControlTarget extends ControlBase {
  state(): UseasyState;
  getById: { get(): GetByIdForms; set(forms: GetByIdForms): void };
}

const USEASY_ROUTES: ControlRoute<ControlTarget>[] = [
  [
    'GET',
    /^state\/customer\/([^/]+)$/,
    (target, match) => {
      const customer = target.state().customers.get(decodeURIComponent(match[1] ?? ''));
      return customer ? done({ customer }) : refuse(404, 'no such customer');
    },
  ],

  [
    'POST',
    /^customers\/([^/]+)\/patch$/,
    (target, match, body) => {
      const customer = target.state().customers.get(decodeURIComponent(match[1] ?? ''));
      if (!customer) return refuse(404, 'no such customer');
      const fields = objectBody(body);
      if ('_id' in fields) return refuse(400, '_id cannot be patched: it is the key the customer is stored under');
      // Values are stored as given, of any type: this is how tests plant hostile or malformed data.
      Object.assign(customer, fields);
      return done({ customer });
    },
  ],

  ['GET', /^get-by-id$/, (target) => done({ forms: target.getById.get() })],

  [
    'POST',
    /^get-by-id$/,
    (target, _match, body) => {
      const { forms } = objectBody(body);
      if (!GET_BY_ID_FORMS.includes(forms as GetByIdForms)) return refuse(400, `forms must be one of ${GET_BY_ID_FORMS.join(', ')}`);
      target.getById.set(forms as GetByIdForms);
      return done({ forms });
    },
  ],
];

export const handleControl = createControlApi(USEASY_ROUTES);
