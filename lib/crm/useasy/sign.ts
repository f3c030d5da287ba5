// Useasy's header signature, computed as a recipe (lib/crm/useasy/recipe.ts) says. The exact
// string-to-sign is not public (NOTES.md), so the recipe is data the agent can change in settings; the
// transport and the mock both import this module. Invariant: the same recipe and inputs give the same
// signature everywhere.
import type { SignatureRecipe, SignedPart } from './recipe';

export { DEFAULT_RECIPE, recipeFromText, recipeToText, type SignatureRecipe } from './recipe';

export interface SignatureInput {
  appid: string;
  nonce: string;
  timestamp: string;
  secret: string;
  /** The request, for recipes that sign it. */
  method?: string;
  path?: string;
  body?: string;
}

const utf8 = new TextEncoder();

function encode(bytes: Uint8Array, encoding: SignatureRecipe['encoding']): string {
  if (encoding === 'hex') return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return btoa(String.fromCharCode(...bytes));
}

async function sha256Hex(text: string): Promise<string> {
  return encode(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(text))), 'hex');
}

async function partValue(name: SignedPart, input: SignatureInput): Promise<string> {
  if (name === 'method') return (input.method ?? 'GET').toUpperCase();
  if (name === 'path') return input.path ?? '';
  if (name === 'body') return sha256Hex(input.body ?? '');
  return input[name];
}

export async function signUseasy(recipe: SignatureRecipe, input: SignatureInput): Promise<string> {
  const message = utf8.encode((await Promise.all(recipe.message.map((name) => partValue(name, input)))).join(''));
  if (recipe.algorithm === 'sha256') {
    return encode(new Uint8Array(await crypto.subtle.digest('SHA-256', message)), recipe.encoding);
  }
  const key = await crypto.subtle.importKey('raw', utf8.encode(input.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return encode(new Uint8Array(await crypto.subtle.sign('HMAC', key, message)), recipe.encoding);
}

const NONCE_DIGITS = 16;

/**
 * A fresh nonce of decimal digits (the document's example nonce is "123456", so digits are the safe
 * alphabet). Bytes of 250 and above are redrawn so every digit is equally likely.
 */
export function newNonce(): string {
  let digits = '';
  while (digits.length < NONCE_DIGITS) {
    for (const byte of crypto.getRandomValues(new Uint8Array(NONCE_DIGITS))) {
      if (byte < 250 && digits.length < NONCE_DIGITS) digits += String(byte % 10);
    }
  }
  return digits;
}
