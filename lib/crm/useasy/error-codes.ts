// What a Useasy error answer means for the agent. The document shows only success ("200"), so codes are
// read as the HTTP-like strings they resemble, and a message about the signature counts as a signature
// failure whatever its code. Only the Useasy transport imports it.
import { CrmError, type CrmErrorCode } from '../errors';

const BY_CODE: Record<string, { code: CrmErrorCode; meaning: string }> = {
  '400': { code: 'invalid-input', meaning: 'The CRM refused the request as invalid.' },
  '401': { code: 'bad-signature', meaning: 'The CRM refused the signature: check the appid, the secret, the signature recipe and the clock.' },
  '403': { code: 'bad-signature', meaning: 'The CRM refused the signature: check the appid, the secret, the signature recipe and the clock.' },
  '404': { code: 'not-found', meaning: 'The CRM has no such record.' },
};

const SIGNATURE_WORDS = /签名|验签|signature|timestamp|时间戳/i;

/** The error for an answer with success false or a code other than "200". */
export function useasyErrorFor(code: string | undefined, message: string | undefined): CrmError {
  const known = code === undefined ? undefined : BY_CODE[code];
  const signature = message !== undefined && SIGNATURE_WORDS.test(message);
  const kind: CrmErrorCode = signature ? 'bad-signature' : (known?.code ?? 'crm-error');
  const meaning = signature ? BY_CODE['401']!.meaning : known?.meaning;
  const text = [meaning, message && message !== meaning ? message : undefined].filter(Boolean).join(' ');
  return new CrmError(kind, text || `The CRM answered code ${code ?? '(none)'}.`, code);
}
