// The one way a backend's transport sends an HTTP request to its CRM: no cookies, a timeout, and no
// redirect ever followed — a redirect would carry the token, the signature headers and the body to
// another origin (or from https to http). Only the backends' transports import it.
import { CrmError } from './errors';

export interface CrmFetchOptions {
  fetch: typeof fetch;
  /** The CRM's base URL, named in errors (never with credentials: the URL check refuses them). */
  base: string;
  timeoutMs: number;
}

/** A 3xx answer, or the opaque answer a browser gives for one when redirects are not followed. */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/** What a request or the reading of its answer failing means: a timeout, or the CRM out of reach. */
export function failureOf(error: unknown, options: Pick<CrmFetchOptions, 'base' | 'timeoutMs'>): CrmError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new CrmError('timeout', `The CRM did not answer within ${options.timeoutMs / 1000} s.`);
  }
  return new CrmError('unreachable', `The CRM at ${options.base} could not be reached.`);
}

export async function fetchFromCrm(url: string, init: RequestInit, options: CrmFetchOptions): Promise<Response> {
  let response: Response;
  try {
    response = await options.fetch(url, {
      ...init,
      signal: AbortSignal.timeout(options.timeoutMs),
      credentials: 'omit',
      redirect: 'manual',
    });
  } catch (error) {
    throw failureOf(error, options);
  }
  if (isRedirect(response)) {
    // A browser hides where an opaque redirect points; outside one the Location header says it.
    const target = response.headers.get('location');
    throw new CrmError(
      'redirected',
      `The CRM at ${options.base} answered with a redirect${target ? ` to ${target}` : ''}; nothing was sent there. Check the address.`,
    );
  }
  return response;
}
