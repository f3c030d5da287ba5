// UI text: every visible string goes through here, from public/_locales (zh_CN default, en), following
// the browser's UI language. Extension pages import it; the content script shows no text.
import { browser } from 'wxt/browser';
import type { BackendKind } from './crm/backend';
import type { ErrorCode } from './messaging/protocol';

type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

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
  'invalid-input': 'errorInvalidInput',
  'connection-changed': 'errorConnectionChanged',
  redirected: 'errorRedirected',
  'crm-error': 'errorCrm',
  'invalid-message': 'errorInternal',
  forbidden: 'errorInternal',
  internal: 'errorInternal',
};

/** Errors a backend words its own way: Sobot's codes and app key mean nothing on a Useasy connection. */
const BACKEND_ERROR_KEYS: Partial<Record<BackendKind, Partial<Record<ErrorCode, MessageKey>>>> = {
  useasy: { 'bad-signature': 'errorBadSignatureUseasy' },
};

/** The backend whose words errors use on this page; each page shows one connection at a time. */
let wordingBackend: BackendKind | undefined;

/** Words errors for this backend from now on (the panel and the options page call it as settings load). */
export function wordErrorsFor(backend: BackendKind | undefined): void {
  wordingBackend = backend;
}

/** What went wrong and what to do about it, in the agent's language and the connection's terms. */
export function describeError(code: ErrorCode, backend: BackendKind | undefined = wordingBackend): string {
  return t((backend && BACKEND_ERROR_KEYS[backend]?.[code]) ?? ERROR_KEYS[code]);
}

/** What a successful connection test proved: Sobot issued a token; Useasy has none and accepted a signed call. */
export const connectionOkText = (backend: BackendKind) => t(backend === 'useasy' ? 'connectionOkUseasy' : 'connectionOk');
