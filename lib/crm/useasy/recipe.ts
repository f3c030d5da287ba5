// How a Useasy signature is computed, as data: the recipe type, the documented default, and its
// one-line text form with the one check of what a recipe may be. Plain code without zod, because the
// options page checks what the admin types with it and should not carry a schema library for that.

/**
 * What a recipe may sign. `method` (upper case) and `path` (without the query) and `body` (the lowercase
 * hex SHA-256 of the request body, empty included) tie a signature to one request, for gateways that
 * check them; the document's examples show they are not signed by default.
 */
export type SignedPart = 'appid' | 'nonce' | 'timestamp' | 'secret' | 'method' | 'path' | 'body';

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

const ALGORITHMS: readonly string[] = ['hmac-sha256', 'sha256'] satisfies SignatureRecipe['algorithm'][];
const ENCODINGS: readonly string[] = ['base64', 'hex'] satisfies SignatureRecipe['encoding'][];
const PARTS: readonly string[] = ['appid', 'nonce', 'timestamp', 'secret', 'method', 'path', 'body'] satisfies SignedPart[];

/**
 * Whether a recipe may be used: parts known and unique, a fresh nonce and the timestamp always in it (a
 * signature without them is the same forever, so anyone who saw one request could replay it), and a
 * plain hash only when the secret is in it (without it, anyone who sees one request could sign their own).
 */
function isUsable(algorithm: string, parts: readonly string[], encoding: string): boolean {
  return (
    ALGORITHMS.includes(algorithm) &&
    ENCODINGS.includes(encoding) &&
    parts.length > 0 &&
    parts.every((part) => PARTS.includes(part)) &&
    new Set(parts).size === parts.length &&
    parts.includes('nonce') &&
    parts.includes('timestamp') &&
    (algorithm === 'hmac-sha256' || parts.includes('secret'))
  );
}

/** The recipe in one line, e.g. "hmac-sha256/appid+nonce+timestamp/base64", for settings and CLI flags. */
export function recipeToText(recipe: SignatureRecipe): string {
  return `${recipe.algorithm}/${recipe.message.join('+')}/${recipe.encoding}`;
}

/** Reads recipeToText's form; throws an Error that names the problem. */
export function recipeFromText(text: string): SignatureRecipe {
  const [algorithm, message, encoding, ...rest] = text.trim().split('/');
  const parts = message?.split('+') ?? [];
  if (rest.length > 0 || algorithm === undefined || encoding === undefined || !isUsable(algorithm, parts, encoding)) {
    throw new Error(`"${text}" is not a signature recipe like "${recipeToText(DEFAULT_RECIPE)}"`);
  }
  return { algorithm, message: parts, encoding } as SignatureRecipe;
}
