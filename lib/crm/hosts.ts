// The one strict check of what a CRM base URL and an enabled site may be: the options form, the
// protocol's settings.save and site.* schemas, the policy parser and the move of old stored sites all
// use it. Also the forms derived from a checked address: as stored, the origin a secret is bound to, the
// host permission pattern. (A backend's own hosts are in its descriptor.) Pure; extension pages and the
// background import it.

export type BaseUrlProblem = 'empty' | 'invalid' | 'insecure' | 'userinfo' | 'query';
export type SiteProblem = 'invalid' | 'wildcard' | 'not-origin';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Parses an http(s) URL with a real host and a port in range; undefined for anything else. */
function parseHttpUrl(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // The URL parser rejects ports above 65535; port 0 reaches no server.
  if (!url.hostname || url.port === '0') return undefined;
  return url;
}

/**
 * A base URL is an http(s) origin with an optional path: https unless the host is this machine (a
 * local CRM), no user name or password (they would be sent and echoed in errors), no query or fragment.
 */
export function checkBaseUrl(input: string): BaseUrlProblem | undefined {
  const value = input.trim();
  if (!value) return 'empty';
  if (value.includes('*')) return 'invalid';
  const url = parseHttpUrl(value);
  if (!url) return 'invalid';
  if (url.username || url.password) return 'userinfo';
  if (url.search || url.hash || value.includes('?') || value.includes('#')) return 'query';
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return 'insecure';
  return undefined;
}

/** A base URL as it is stored: origin and path, without a trailing slash. Call only on a URL checkBaseUrl accepts. */
export function normalizeBaseUrl(input: string): string {
  const url = new URL(input.trim());
  return (url.origin + url.pathname).replace(/\/+$/, '');
}

/** The origin a base URL sends to (scheme, host and port): what a secret is bound to. */
export function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl.trim()).origin;
  } catch {
    return '';
  }
}

/**
 * An enabled site is one origin, http(s)://host[:port], with no wildcard (a site the agent or admin
 * names, never "every site"), no user name, path, query or fragment.
 */
export function checkSiteOrigin(input: string): SiteProblem | undefined {
  const value = input.trim();
  if (value.includes('*')) return 'wildcard';
  const url = parseHttpUrl(value);
  if (!url) return 'invalid';
  if (url.username || url.password || url.search || url.hash || value.includes('?') || value.includes('#')) return 'not-origin';
  if (url.pathname !== '/' || value.replace(/\/$/, '') !== url.origin) return 'not-origin';
  return undefined;
}

/**
 * The host permission and match pattern for a URL: scheme, host and the port it names, so enabling
 * http://localhost:3000 reaches that server only, not every port of the host.
 */
export function hostPatternOf(baseUrl: string): string {
  const url = new URL(baseUrl.trim());
  return `${url.protocol}//${url.host}/*`;
}
