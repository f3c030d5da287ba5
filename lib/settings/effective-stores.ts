// The settings, credentials and enabled sites as the background uses them: what the agent saved with
// the admin's policy laid over it. Writes never copy policy values into the agent's own storage, so
// lifting a policy restores the agent's choices. Only the background imports it.
import type { CredentialStore } from '../auth/credential-store';
import type { Settings } from '../storage';
import { effectiveCredentials, effectiveSettings, effectiveSites, type ManagedPolicy } from './policy';

interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export function withPolicy(
  policy: () => Promise<ManagedPolicy>,
  stores: { settings: Item<Settings>; credentials: CredentialStore; enabledSites: Item<string[]> },
) {
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
      load: async (backend: string) => effectiveCredentials(await stores.credentials.load(backend), await policy()),
      async save(backend: string, credentials: Parameters<CredentialStore['save']>[1]) {
        const [managed, local] = await Promise.all([policy(), stores.credentials.load(backend)]);
        await stores.credentials.save(backend, {
          appid: managed.appid ? (local?.appid ?? '') : credentials.appid,
          secret: managed.secret ? (local?.secret ?? '') : credentials.secret,
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
