// The Sobot hosts the document lists, and what a base URL may be. Pure; the options page imports it.

export const SOBOT_HOSTS = ['https://www.sobot.com', 'https://www.soboten.com', 'https://sg.sobot.io', 'https://us.sobot.com'] as const;

export type BaseUrlProblem = 'empty' | 'invalid' | 'insecure';

/** A base URL is an http(s) origin with an optional path; plain http only on this machine (a local CRM). */
export function checkBaseUrl(input: string): BaseUrlProblem | undefined {
  const value = input.trim();
  if (!value) return 'empty';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'invalid';
  if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return 'insecure';
  return undefined;
}

/** The host permission and match pattern for a URL: Chrome patterns carry no port, so it covers every port. */
export function hostPatternOf(baseUrl: string): string {
  const url = new URL(baseUrl.trim());
  return `${url.protocol}//${url.hostname}/*`;
}
