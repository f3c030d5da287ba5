// The settings, credentials and enabled sites as the background uses them: what the agent saved with
// the admin's policy laid over it. Writes never copy policy values into the agent's own storage, so
// lifting a policy restores the agent's choices. Only the background imports it.
import type { CredentialStore, Credentials } from '../auth/credential-store';
import { originOf } from '../crm/hosts';
import type { Item } from '../storage';
import type { Settings } from './settings';
import { effectiveCredentials, effectiveSettings, effectiveSites, type ManagedPolicy } from './policy';

export function withPolicy(
  policy: () => Promise<ManagedPolicy>,
  stores: { settings: Item<Settings>; credentials: CredentialStore; enabledSites: Item<string[]> },
) {
  /**
   * The agent's stored credentials. Ones saved before secrets were bound to an origin are bound, once,
   * to the address they were saved with: the one the agent entered the key for.
   */
  async function boundCredentials(backend: string): Promise<Credentials | undefined> {
    const stored = await stores.credentials.load(backend);
    if (!stored || stored.origin !== undefined || !stored.secret) return stored;
    const local = await stores.settings.getValue();
    if (local.backend !== backend || !originOf(local.baseUrl)) return stored;
    const bound = { ...stored, origin: originOf(local.baseUrl) };
    await stores.credentials.save(backend, bound);
    return bound;
  }

  return {
    settings: {
      getValue: async () => effectiveSettings(await stores.settings.getValue(), await policy()),
      async setValue(value: Settings) {
        const [managed, local] = await Promise.all([policy(), stores.settings.getValue()]);
        await stores.settings.setValue({
          ...value,
          backend: managed.backend ? local.backend : value.backend,
          baseUrl: managed.baseUrl ? local.baseUrl : value.baseUrl,
          autoLookup: managed.autoLookup !== undefined ? local.autoLookup : value.autoLookup,
        });
      },
    },
    credentials: {
      load: async (backend: string) => effectiveCredentials(await boundCredentials(backend), await policy()),
      async save(backend: string, credentials: Credentials) {
        const [managed, local] = await Promise.all([policy(), stores.credentials.load(backend)]);
        const secret = managed.secret ? { secret: local?.secret ?? '', origin: local?.origin } : { secret: credentials.secret, origin: credentials.origin };
        await stores.credentials.save(backend, {
          appid: managed.appid ? (local?.appid ?? '') : credentials.appid,
          secret: secret.secret,
          ...(secret.origin ? { origin: secret.origin } : {}),
        });
      },
    },
    enabledSites: {
      getValue: async () => effectiveSites(await stores.enabledSites.getValue(), await policy()),
      setValue: async (sites: string[]) => {
        const managed = new Set((await policy()).enabledSites ?? []);
        await stores.enabledSites.setValue(sites.filter((site) => !managed.has(site)));
      },
    },
  };
}
