// Useasy CRM as the options page and the build see it: every company has its own address, an account
// id and an app secret, and the signature recipe its gateway expects. Plain data and the recipe check;
// see lib/crm/descriptor.ts.
import type { BackendDescriptor } from '../descriptor';
import { recipeFromText } from './recipe';

function recipeProblem(text: string): string | undefined {
  try {
    recipeFromText(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export const useasyDescriptor = {
  kind: 'useasy',
  hosts: [],
  extraFields: [
    {
      setting: 'signatureRecipe',
      id: 'recipe',
      label: 'signatureRecipe',
      hint: 'signatureRecipeHint',
      placeholder: 'hmac-sha256/appid+nonce+timestamp/base64',
      check: recipeProblem,
    },
  ],
  text: {
    label: 'backendUseasy',
    appid: 'useasyAccountId',
    secret: 'useasySecret',
    connectionOk: 'connectionOkUseasy',
    // Sobot's codes and app key mean nothing on a Useasy connection.
    errors: { 'bad-signature': 'errorBadSignatureUseasy' },
    // The HTTP-like codes its envelope uses.
    crmCodes: { '400': 'crmCodeHttp400', '401': { as: 'bad-signature' }, '403': { as: 'bad-signature' }, '404': 'crmCodeHttp404' },
  },
} as const satisfies BackendDescriptor;
