// Names a CRM connection (backend, base URL, account) in one string: caches and queued writes are keyed
// by it so two CRMs' data never mix, and the options page reads it back to say which CRM a waiting write
// belongs to. Pure; the secret is never part of it.

export function connectionKeyOf(backend: string, baseUrl: string, appid: string): string {
  return `${backend}|${baseUrl}|${appid}`;
}

/** The parts of a key, for showing to the agent (the base URL may itself hold no "|": it is a URL). */
export function connectionParts(key: string): { backend: string; baseUrl: string; appid: string } {
  const [backend = '', baseUrl = '', ...account] = key.split('|');
  return { backend, baseUrl, appid: account.join('|') };
}
