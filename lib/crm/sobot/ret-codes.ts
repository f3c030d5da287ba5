// Sobot's documented ret_code values and what each means for the agent. Only the Sobot transport and
// backend import it.
import { CrmError, type CrmErrorCode } from '../errors';

const KNOWN: Record<string, { code: CrmErrorCode; meaning: string }> = {
  '900001': { code: 'token-rejected', meaning: 'The request carried no token.' },
  '900002': { code: 'token-rejected', meaning: 'The token expired or was replaced.' },
  '900003': { code: 'bad-signature', meaning: 'The signature is wrong: check the app key.' },
  '900004': { code: 'unknown-account', meaning: 'No API configuration was found for this appid.' },
  '700046': { code: 'edition-without-api', meaning: "The company's Sobot edition may not use the API." },
  '999999': { code: 'crm-error', meaning: 'The CRM had an unknown system error.' },
  '510001': { code: 'invalid-input', meaning: 'The label group does not exist.' },
  '510002': { code: 'invalid-input', meaning: 'A label group with this name exists.' },
  '510003': { code: 'invalid-input', meaning: 'A label with this name exists.' },
  '510004': { code: 'invalid-input', meaning: 'The label parameter name exists, or the label no longer exists.' },
  '510005': { code: 'invalid-input', meaning: 'The label group name is empty.' },
  '510006': { code: 'invalid-input', meaning: 'The label name is empty.' },
  '510007': { code: 'invalid-input', meaning: 'The name is longer than 30 characters.' },
  '510008': { code: 'invalid-input', meaning: 'The parameter name is longer than 30 characters.' },
};

export function sobotErrorFor(retCode: string, retMsg?: string | null): CrmError {
  const known = KNOWN[retCode];
  const blacklist = /^50015[2-7]$/.test(retCode);
  const code: CrmErrorCode = known?.code ?? (blacklist ? 'invalid-input' : 'crm-error');
  const message = [known?.meaning, retMsg && retMsg !== known?.meaning ? retMsg : undefined]
    .filter(Boolean)
    .join(' ');
  return new CrmError(code, message || `The CRM answered ret_code ${retCode}.`, retCode);
}
