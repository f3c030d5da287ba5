// UI text: every visible string goes through here, from public/_locales (zh_CN default, en), following
// the browser's UI language. Extension pages import it; the content script shows no text.
import { browser } from 'wxt/browser';
import type { ErrorCode } from './messaging/protocol';

type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
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

/** What went wrong and what to do about it, in the agent's language. */
export function describeError(code: ErrorCode): string {
  return t(ERROR_KEYS[code]);
}
