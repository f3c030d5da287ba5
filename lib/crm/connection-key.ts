// Names a CRM connection (backend, base URL, account) in one string: caches and queued writes are keyed
// by it so two CRMs' data never mix, and the options page reads it back to say which CRM a waiting write
// belongs to. Pure; the secret is never part of it.
// Invariant: two different (backend, base URL, account) triples never give the same key, whatever
// characters the parts hold (the parts are JSON-encoded, not joined with a separator).

export interface ConnectionParts {
  backend: string;
  baseUrl: string;
  appid: string;
}

export function connectionKeyOf(backend: string, baseUrl: string, appid: string): string {
  return JSON.stringify([backend, baseUrl, appid]);
}

/** Keys written before they were JSON: `backend|baseUrl|appid`, split the way they were made. */
function legacyParts(key: string): ConnectionParts {
  const [backend = '', baseUrl = '', ...account] = key.split('|');
  return { backend, baseUrl, appid: account.join('|') };
}

/** The parts of a key, for showing to the agent. */
export function connectionParts(key: string): ConnectionParts {
  if (!key.startsWith('[')) return legacyParts(key);
  try {
    const parts: unknown = JSON.parse(key);
    if (Array.isArray(parts) && parts.length === 3 && parts.every((part) => typeof part === 'string')) {
      const [backend, baseUrl, appid] = parts as [string, string, string];
      return { backend, baseUrl, appid };
    }
  } catch {
    // Not a key this module made: nothing to show.
  }
  return { backend: '', baseUrl: '', appid: '' };
}

/** The key in today's form, so a write queued under a legacy key still goes out through its CRM. */
export function currentConnectionKey(key: string): string {
  if (key.startsWith('[')) return key;
  const { backend, baseUrl, appid } = legacyParts(key);
  return connectionKeyOf(backend, baseUrl, appid);
}
