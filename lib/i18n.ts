// UI text: every visible string goes through here, from public/_locales (zh_CN default, en), following
// the browser's UI language. Extension pages import it; the content script shows no text.
import { browser } from 'wxt/browser';
import type { BackendKind } from './crm/backend';
import { registry } from './crm/registry';
import type { MessageKey } from './message-key';
import type { ErrorCode } from './messaging/reply';

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The language the UI is shown in: the locale whose messages the browser actually uses (Chinese when it
 * has none for the browser's language), not the browser's language itself, so a screen reader reads the
 * text with the right voice.
 */
export function uiLanguage(): string {
  return browser.i18n.getMessage('uiLanguage') || 'zh-CN';
}

const ERROR_KEYS: Record<ErrorCode, MessageKey> = {
  'not-configured': 'errorNotConfigured',
  'key-required': 'errorKeyRequired',
  'bad-signature': 'errorBadSignature',
  'unknown-account': 'errorUnknownAccount',
  'edition-without-api': 'errorEditionWithoutApi',
  'token-rejected': 'errorTokenRejected',
  'permission-missing': 'errorPermissionMissing',
  unreachable: 'errorUnreachable',
  timeout: 'errorTimeout',
  'http-status': 'errorHttpStatus',
  'malformed-response': 'errorMalformedResponse',
  'not-found': 'errorNotFound',
  'customer-gone': 'errorCustomerGone',
  'invalid-input': 'errorInvalidInput',
  'connection-changed': 'errorConnectionChanged',
  redirected: 'errorRedirected',
  'crm-error': 'errorCrm',
  'invalid-message': 'errorInternal',
  forbidden: 'errorInternal',
  internal: 'errorInternal',
};

/** The backend whose words errors use on this page; each page shows one connection at a time. */
let wordingBackend: BackendKind | undefined;

/** Words errors for this backend from now on (the panel and the options page call it as settings load). */
export function wordErrorsFor(backend: BackendKind | undefined): void {
  wordingBackend = backend;
}

/** What went wrong and what to do about it, in the agent's language and the connection's terms. */
export function describeError(code: ErrorCode, backend: BackendKind | undefined = wordingBackend): string {
  // A backend may word an error its own way (its descriptor says): another CRM's codes and key names mean nothing there.
  return t((backend && registry.descriptorOf(backend)?.text.errors?.[code]) ?? ERROR_KEYS[code]);
}

/** What a successful connection test proved, in the backend's terms (a token issued, or a signed call accepted). */
export const connectionOkText = (backend: BackendKind) => t(registry.descriptorOf(backend)?.text.connectionOk ?? 'connectionOk');
/**
 * Every error code the two CRM API documents list (Sobot's ret_code table; the HTTP-like codes Useasy's
 * envelope uses), each with its own words. The CRM's own text is never shown in their place: it is in
 * the Chinese of its server whatever the agent's language, so only a "details" disclosure holds it.
 */
const CRM_CODE_MESSAGES: Record<string, (backend: BackendKind | undefined) => string> = {
  '900001': () => t('crmCode900001'),
  '900002': () => t('crmCode900002'),
  '900003': (backend) => describeError('bad-signature', backend),
  '900004': () => t('errorUnknownAccount'),
  '700046': () => t('errorEditionWithoutApi'),
  '999999': () => t('crmCode999999'),
  '510001': () => t('crmCode510001'),
  '510002': () => t('crmCode510002'),
  '510003': () => t('crmCode510003'),
  '510004': () => t('crmCode510004'),
  '510005': () => t('crmCode510005'),
  '510006': () => t('crmCode510006'),
  '510007': () => t('crmCode510007'),
  '510008': () => t('crmCode510008'),
  ...Object.fromEntries(['500152', '500153', '500154', '500155', '500156', '500157'].map((code) => [code, () => t('crmCodeBlacklist', code)])),
  '400': () => t('crmCodeHttp400'),
  '401': (backend) => describeError('bad-signature', backend),
  '403': (backend) => describeError('bad-signature', backend),
  '404': () => t('crmCodeHttp404'),
};

export const DOCUMENTED_CRM_CODES: readonly string[] = Object.keys(CRM_CODE_MESSAGES);

/** A failure in the agent's language: the CRM's documented code when it sent one, else our own code. */
export function describeFailure(error: { code: string; crmCode?: string }, backend: BackendKind | undefined = wordingBackend): string {
  const byCrmCode = error.crmCode === undefined ? undefined : CRM_CODE_MESSAGES[error.crmCode];
  // A signature failure recognised by its words keeps its own advice whatever number came with it.
  if (byCrmCode && !(error.code === 'bad-signature' && !/^(?:900003|401|403)$/.test(error.crmCode!))) return byCrmCode(backend);
  return describeError((error.code in ERROR_KEYS ? error.code : 'crm-error') as ErrorCode, backend);
}
