// What a Useasy error answer means for the agent. The document shows only success ("200"), so codes are
// read as the HTTP-like strings they resemble, and a message about the signature counts as a signature
// failure whatever its code. Only the Useasy transport imports it.
import { CrmError, type CrmErrorCode } from '../errors';

const BY_CODE: Record<string, CrmErrorCode> = {
  '400': 'invalid-input',
  '401': 'bad-signature',
  '403': 'bad-signature',
  '404': 'not-found',
};

const SIGNATURE_WORDS = /签名|验签|signature|timestamp|时间戳/i;

/** The error for an answer with success false or a code other than "200". */
export function useasyErrorFor(code: string | undefined, message: string | undefined): CrmError {
  const known = code === undefined ? undefined : BY_CODE[code];
  const signature = message !== undefined && SIGNATURE_WORDS.test(message);
  const kind: CrmErrorCode = signature ? 'bad-signature' : (known ?? 'crm-error');
  // The agent reads the code's own words (lib/i18n.ts); the message keeps the CRM's text for "details".
  return new CrmError(kind, message?.trim() || `code ${code ?? '(none)'}`, code);
}
