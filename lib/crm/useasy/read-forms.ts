// Reading one customer by id, in the forms the Useasy document shows: §4.2's example (the curl sends a body,
// so POST /openapi/crm/findById/{id}) and §4.1's declaration (GET /openapi/crm/{id}). They are tried in
// that order until one answers, and the one that answered is remembered for as long as this reader (the
// connection's backend) lives, so every later read costs one request. Only the Useasy backend imports it.
import { CrmError } from '../errors';
import type { UseasyRequest } from './transport';

export interface ReadForm {
  /** How the README and the tests name it. */
  name: 'example' | 'declared';
  request(id: string): UseasyRequest;
}

const CRM = '/openapi/crm';

/**
 * The example first: it is a request the document's authors ran, headers and signature included, while
 * the declaration is a one-line summary. The mix the document never shows (GET findById) is not tried.
 */
const READ_FORMS: readonly ReadForm[] = [
  { name: 'example', request: (id) => ({ method: 'POST', path: `${CRM}/findById/${encodeURIComponent(id)}`, body: {} }) },
  { name: 'declared', request: (id) => ({ method: 'GET', path: `${CRM}/${encodeURIComponent(id)}` }) },
];

/** Words servers use when a path or method has no handler: Spring's, and the Chinese a gateway sends. */
const NOT_SERVED_WORDS = /请求方式|不支持|method not allowed|not supported|no handler|no static resource/i;

/** Whether the error says this form of the request is not served at all (rather than "no such customer"). */
function isFormNotServed(error: unknown): boolean {
  if (!(error instanceof CrmError)) return false;
  if (error.code === 'http-status' && (error.crmCode === '404' || error.crmCode === '405')) return true;
  return error.crmCode === '405' || NOT_SERVED_WORDS.test(error.message);
}

export function createRecordReader(send: (request: UseasyRequest) => Promise<unknown>, forms: readonly ReadForm[] = READ_FORMS) {
  let answering: ReadForm | undefined;

  /** The record's `data`, through the remembered form, or the first form that answers. */
  async function read(id: string): Promise<unknown> {
    if (answering) {
      try {
        return await send(answering.request(id));
      } catch (error) {
        // The server stopped serving it (an upgrade): look for the form it serves now.
        if (!isFormNotServed(error)) throw error;
        answering = undefined;
      }
    }
    let notFound: unknown;
    let lastError: unknown;
    for (const form of forms) {
      try {
        const data = await send(form.request(id));
        answering = form;
        return data;
      } catch (error) {
        // While the form is unknown, "no such customer" may be how an unserved form answers: go on.
        if (error instanceof CrmError && error.code === 'not-found') notFound = error;
        else if (!isFormNotServed(error)) throw error;
        lastError = error;
      }
    }
    throw notFound ?? lastError;
  }

  return {
    read,
    /** The form that answered last, if any; for tests and diagnostics. */
    answeringForm: () => answering?.name,
  };
}
