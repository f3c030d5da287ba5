// Handlers for the connection settings (settings.*, connection.test): read them (never the secret),
// save them, test them. A save that changes a working connection tries the new one first and keeps the
// old one when the CRM refuses it.
import { secretBoundTo } from '@/lib/auth/credential-store';
import type { CrmCapabilities } from '@/lib/crm/backend';
import { CrmError } from '@/lib/crm/errors';
import { normalizeBaseUrl, originOf } from '@/lib/crm/hosts';
import { usableConnection, type ConnectionConfig } from '@/lib/crm/session';
import type { MessagesIn, RequestOf } from '@/lib/messaging/protocol';
import type { SettingsView } from '@/lib/settings/views';
import type { Handlers } from '@/lib/messaging/server';
import { lockedFields } from '@/lib/settings/policy';
import type { HandlerDependencies } from './dependencies';

const NO_CAPABILITIES: CrmCapabilities = {
  customerFields: [],
  labels: false,
  stages: false,
  notes: false,
  timeline: false,
  ownership: false,
  searchFields: [],
};

/** What identifies the connection and signs for it: a change of any of these is a new connection. */
const signingParts = ({ settings, credentials }: ConnectionConfig) =>
  JSON.stringify([settings.backend, settings.baseUrl, settings.signatureRecipe ?? '', credentials?.appid, credentials?.secret, credentials?.origin]);

export function settingsHandlers(deps: HandlerDependencies): Pick<Handlers, MessagesIn<'settings' | 'connection'>> {
  async function settingsView(): Promise<SettingsView> {
    const settings = await deps.settings.getValue();
    const credentials = await deps.credentials.load(settings.backend);
    const configured = usableConnection({ settings, credentials }) !== undefined;
    const capabilities = configured
      ? await deps.session.backend().then(
          (backend) => backend.capabilities,
          () => NO_CAPABILITIES,
        )
      : NO_CAPABILITIES;
    const { policy, ignored } = await deps.policy();
    const connection = await deps.session.connectionKey();
    return {
      settings,
      appid: credentials?.appid ?? '',
      // A key entered for another address does not count: the form asks for it again.
      hasAppKey: secretBoundTo(credentials, settings.baseUrl),
      configured,
      capabilities,
      locked: lockedFields(policy),
      policyIgnored: ignored,
      ...(connection ? { connection } : {}),
    };
  }

  async function savePreferencesOnly({ autoLookup, myAgent }: RequestOf<'settings.save'>) {
    const settings = await deps.settings.getValue();
    await deps.settings.setValue({
      ...settings,
      autoLookup: autoLookup ?? settings.autoLookup,
      myAgent: myAgent === null ? undefined : (myAgent ?? settings.myAgent),
    });
    deps.session.invalidate();
    return settingsView();
  }

  /** The connection the request describes; the stored key only when it was entered for this address and account. */
  async function requestedConnection({
    backend,
    signatureRecipe,
    baseUrl,
    appid,
    appKey,
    autoLookup,
    myAgent,
  }: RequestOf<'settings.save'>): Promise<ConnectionConfig> {
    const current = await deps.settings.getValue();
    const kind = backend ?? current.backend;
    const address = normalizeBaseUrl(baseUrl);
    const account = appid.trim();
    const stored = await deps.credentials.load(kind);
    const storedKeyFits = stored?.appid === account && secretBoundTo(stored, address);
    if (!appKey && !storedKeyFits) {
      throw new CrmError('key-required', 'Enter the key: the saved one was entered for another CRM address or account, and is only sent there.');
    }
    return {
      settings: {
        ...current,
        backend: kind,
        baseUrl: address,
        autoLookup: autoLookup ?? current.autoLookup,
        signatureRecipe: signatureRecipe === undefined ? current.signatureRecipe : signatureRecipe.trim() || undefined,
        myAgent: myAgent === null ? undefined : (myAgent ?? current.myAgent),
      },
      credentials: { appid: account, secret: appKey ?? stored!.secret, origin: originOf(address) },
    };
  }

  return {
    'settings.get': settingsView,

    async 'settings.save'(request) {
      if (lockedFields((await deps.policy()).policy).some((field) => field === 'baseUrl' || field === 'appid' || field === 'secret')) {
        // The page shows these locked; a save that still carries them only changes what policy leaves free.
        return savePreferencesOnly(request);
      }
      const next = await requestedConnection(request);
      const inUse = { settings: await deps.settings.getValue(), credentials: undefined as ConnectionConfig['credentials'] };
      inUse.credentials = await deps.credentials.load(inUse.settings.backend);
      const changed = signingParts(next) !== signingParts(inUse);
      // A working connection is replaced only by one the CRM accepts: a mistyped key must not silently
      // take over until the old token runs out. Throws the CRM's refusal; nothing is saved then.
      const token = changed && usableConnection(inUse) ? await deps.session.tryConnection(next) : undefined;
      await deps.credentials.save(next.settings.backend, next.credentials!);
      await deps.settings.setValue(next.settings);
      deps.session.invalidate();
      if (changed) {
        // The old connection's token goes; a token the trial was issued serves the new one.
        const key = usableConnection(next);
        await deps.session.replaceToken(key ?? '', key ? token : undefined);
        await deps.listCache.clear();
      }
      return settingsView();
    },

    async 'connection.test'() {
      await (await deps.session.backend()).testConnection();
      return { ok: true };
    },
  };
}
