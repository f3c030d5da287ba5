// Useasy's header signature and the recipe that says how to compute it. The exact string-to-sign is not
// public (NOTES.md), so the recipe is data the agent can change in settings; the transport and the mock
// both import this module. Invariant: the same recipe and inputs give the same signature everywhere.
import * as z from 'zod/mini';

/**
 * What a recipe may sign. `method` (upper case) and `path` (without the query) and `body` (the lowercase
 * hex SHA-256 of the request body, empty included) tie a signature to one request, for gateways that
 * check them; the document's examples show they are not signed by default.
 */
type SignedPart = 'appid' | 'nonce' | 'timestamp' | 'secret' | 'method' | 'path' | 'body';

export interface SignatureRecipe {
  /** hmac-sha256 keys the digest with the secret; sha256 hashes the message alone (so it must contain 'secret'). */
  algorithm: 'hmac-sha256' | 'sha256';
  /** The parts concatenated, in this order and without separators, into the message. */
  message: readonly SignedPart[];
  /** The digest's text form: 'base64' (standard alphabet, padded: 44 characters) or lowercase 'hex'. */
  encoding: 'base64' | 'hex';
}

/** Base64(HMAC-SHA256(key = secret, message = appid + nonce + timestamp)), as NOTES.md settles. */
export const DEFAULT_RECIPE: SignatureRecipe = {
  algorithm: 'hmac-sha256',
  message: ['appid', 'nonce', 'timestamp'],
  encoding: 'base64',
};

const part = z.enum(['appid', 'nonce', 'timestamp', 'secret', 'method', 'path', 'body']);

/**
 * Validates a recipe from settings: parts unique, a fresh nonce and the timestamp always in it (a
 * signature without them is the same forever, so anyone who saw one request could replay it), and a
 * plain hash only when the secret is in it.
 */
const signatureRecipe = z.object({
  algorithm: z.enum(['hmac-sha256', 'sha256']),
  message: z.array(part).check(
    z.minLength(1),
    z.refine((parts) => new Set(parts).size === parts.length, 'a part may appear only once'),
    z.refine((parts) => parts.includes('nonce') && parts.includes('timestamp'), 'a recipe must sign the nonce and the timestamp'),
  ),
  encoding: z.enum(['base64', 'hex']),
}).check(
  z.refine(
    (recipe) => recipe.algorithm === 'hmac-sha256' || recipe.message.includes('secret'),
    // Without the secret, anyone who sees one request could sign their own.
    'a sha256 recipe must include the secret in the message',
  ),
);

/** The recipe in one line, e.g. "hmac-sha256/appid+nonce+timestamp/base64", for settings and CLI flags. */
export function recipeToText(recipe: SignatureRecipe): string {
  return `${recipe.algorithm}/${recipe.message.join('+')}/${recipe.encoding}`;
}

/** Reads recipeToText's form; throws an Error that names the problem. */
export function recipeFromText(text: string): SignatureRecipe {
  const [algorithm, message, encoding, ...rest] = text.trim().split('/');
  const parsed = z.safeParse(signatureRecipe, {
    algorithm,
    message: message?.split('+'),
    encoding,
  });
  if (rest.length > 0 || !parsed.success) {
    throw new Error(`"${text}" is not a signature recipe like "${recipeToText(DEFAULT_RECIPE)}"`);
  }
  return parsed.data;
}

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
