// The one error type that crosses from a CRM backend to the panel. It carries a closed `code` the panel
// translates into words and advice, never a secret: messages are built from the CRM's ret_msg only.

/** How long any backend's transport waits for a CRM answer before failing the request as 'timeout'. */
export const CRM_REQUEST_TIMEOUT_MS = 15_000;

export type CrmErrorCode =
  | 'not-configured' // no base URL or credentials yet
  | 'key-required' // the key was entered for another CRM address (or account): it must be entered again
  | 'bad-signature' // Sobot 900003: the app key is wrong
  | 'unknown-account' // Sobot 900004: the appid has no API configuration
  | 'edition-without-api' // Sobot 700046
  | 'token-rejected' // still 900001/900002 after a fresh token
  | 'permission-missing' // the browser has no host permission for the CRM
  | 'unreachable' // the network or the host failed before an answer
  | 'timeout'
  | 'http-status' // an answer that is not HTTP 200
  | 'malformed-response' // an answer we cannot parse
  | 'not-found'
  | 'customer-gone' // a write's customer no longer exists: merged into another (Sobot section 4.3) or deleted
  | 'invalid-input' // the CRM refused what was sent (validation, label errors)
  | 'connection-changed' // the agent switched CRMs between a write's check and its sending: nothing was sent
  | 'redirected' // the CRM answered with a redirect, which is never followed: nothing went to the other address
  | 'crm-error'; // any other documented or undocumented business error

/** Codes after which sending the same request again may succeed. */
const RETRYABLE: ReadonlySet<CrmErrorCode> = new Set([
  'unreachable',
  'timeout',
  'http-status',
  'malformed-response',
  'token-rejected',
  'connection-changed',
  // Stays queued with its reason: once the address is corrected the write goes out.
  'redirected',
]);

export class CrmError extends Error {
  readonly code: CrmErrorCode;
  /** The backend's own code (Sobot `ret_code`, Useasy `code`), when it sent one. */
  readonly crmCode?: string;

  constructor(code: CrmErrorCode, message: string, crmCode?: string) {
    super(message);
    this.name = 'CrmError';
    this.code = code;
    this.crmCode = crmCode;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

/** The customer is not in the CRM any more; the reason a write for them fails for good. */
export const customerGone = (customerId: string) =>
  new CrmError('customer-gone', `The CRM no longer has customer ${customerId}: it was merged into another or deleted.`);

export interface SerializedCrmError {
  code: CrmErrorCode;
  message: string;
  crmCode?: string;
}

export function serializeError(error: unknown): SerializedCrmError {
  if (error instanceof CrmError) {
    return { code: error.code, message: error.message, crmCode: error.crmCode };
  }
  return { code: 'crm-error', message: error instanceof Error ? error.message : String(error) };
}
