// Handlers for the connection settings: read them (never the secret), save them, test them.
import type { CrmCapabilities } from '@/lib/crm/backend';
import type { SettingsView } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/server';
import type { HandlerDependencies } from './dependencies';

const NO_CAPABILITIES: CrmCapabilities = { customerFields: [], labels: false, stages: false, notes: false, timeline: false, ownership: false, searchFields: [] };

export function settingsHandlers(deps: HandlerDependencies): Pick<Handlers, 'settings.get' | 'settings.save' | 'connection.test'> {
  async function settingsView(): Promise<SettingsView> {
    const settings = await deps.settings.getValue();
    const credentials = await deps.credentials.load(settings.backend);
    const configured = Boolean(credentials?.appid && credentials.secret && settings.baseUrl);
    const capabilities = configured
      ? await deps.session.backend().then((backend) => backend.capabilities, () => NO_CAPABILITIES)
      : NO_CAPABILITIES;
    const locked = await deps.lockedFields();
    const connection = await deps.session.connectionKey();
    return { settings, appid: credentials?.appid ?? '', hasAppKey: Boolean(credentials?.secret), configured, capabilities, locked, ...(connection ? { connection } : {}) };
  }

  return {
    'settings.get': settingsView,

    async 'settings.save'({ backend, signatureRecipe, baseUrl, appid, appKey, autoLookup, myAgent }) {
      if ((await deps.lockedFields()).some((field) => field === 'baseUrl' || field === 'appid' || field === 'secret')) {
        // The page shows these locked; a save that still carries them only changes what policy leaves free.
        const settings = await deps.settings.getValue();
        await deps.settings.setValue({ ...settings, autoLookup: autoLookup ?? settings.autoLookup, myAgent: myAgent === null ? undefined : (myAgent ?? settings.myAgent) });
        deps.session.invalidate();
        return settingsView();
      }
      const current = await deps.settings.getValue();
      const settings = { ...current, backend: backend ?? current.backend };
      const secret = appKey ?? (await deps.credentials.load(settings.backend))?.secret ?? '';
      await deps.credentials.save(settings.backend, { appid: appid.trim(), secret });
      await deps.settings.setValue({
        ...settings,
        baseUrl: baseUrl.trim().replace(/\/+$/, ''),
        autoLookup: autoLookup ?? settings.autoLookup,
        signatureRecipe: signatureRecipe === undefined ? settings.signatureRecipe : signatureRecipe.trim() || undefined,
        myAgent: myAgent === null ? undefined : (myAgent ?? settings.myAgent),
      });
      deps.session.invalidate();
      await deps.reference.clear();
      return settingsView();
    },
    async 'connection.test'() {
      await (await deps.session.backend()).testConnection();
      return { ok: true };
    },
  };
}
