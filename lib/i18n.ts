// UI text: every visible string goes through here, from public/_locales (zh_CN default, en), following
// the browser's UI language. Extension pages import it; the content script shows no text.
import { browser } from 'wxt/browser';
import type { BackendKind } from './crm/backend';
import { registry } from './crm/registry';
import type { CrmCodeWords } from './crm/descriptor';
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

/** Every error code the backends' API documents list, with its words (each backend's descriptor says them; no two share a code). */
const CRM_CODE_WORDS: Record<string, CrmCodeWords> = Object.assign({}, ...registry.descriptors.map((descriptor) => descriptor.text.crmCodes ?? {}));

export const DOCUMENTED_CRM_CODES: readonly string[] = Object.keys(CRM_CODE_WORDS);

/** A failure in the agent's language: the CRM's documented code when it sent one, else our own code. */
export function describeFailure(error: { code: string; crmCode?: string }, backend: BackendKind | undefined = wordingBackend): string {
  const words = error.crmCode === undefined ? undefined : CRM_CODE_WORDS[error.crmCode];
  if (typeof words === 'object') return describeError(words.as, backend);
  // A signature failure recognised by its words keeps its own advice whatever number came with it.
  if (words && error.code !== 'bad-signature') return t(words, error.crmCode);
  return describeError((error.code in ERROR_KEYS ? error.code : 'crm-error') as ErrorCode, backend);
}
