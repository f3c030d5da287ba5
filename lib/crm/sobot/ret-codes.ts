// Sobot's documented ret_code values and which error each is. The agent reads each code's own words from
// the locale files (lib/i18n.ts); the error's message keeps the CRM's ret_msg as it came, for "details".
// Only the Sobot transport and backend import it.
import { CrmError, type CrmErrorCode } from '../errors';

const KNOWN: Record<string, CrmErrorCode> = {
  '900001': 'token-rejected',
  '900002': 'token-rejected',
  '900003': 'bad-signature',
  '900004': 'unknown-account',
  '700046': 'edition-without-api',
  '999999': 'crm-error',
  '510001': 'invalid-input',
  '510002': 'invalid-input',
  '510003': 'invalid-input',
  '510004': 'invalid-input',
  '510005': 'invalid-input',
  '510006': 'invalid-input',
  '510007': 'invalid-input',
  '510008': 'invalid-input',
};

export function sobotErrorFor(retCode: string, retMsg?: string | null): CrmError {
  const known = KNOWN[retCode];
  const blacklist = /^50015[2-7]$/.test(retCode);
  const code: CrmErrorCode = known ?? (blacklist ? 'invalid-input' : 'crm-error');
  return new CrmError(code, retMsg?.trim() || `ret_code ${retCode}`, retCode);
}
