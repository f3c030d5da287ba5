// The options form's state: what the admin typed (kept until saved, whatever fails), validation, and
// the save and test actions with their outcome. It loads the saved settings as it is made, and the
// form is shown once they are in.
// What each backend asks for comes from its descriptor (lib/crm/registry.ts), so the form names none.
import { computed, signal, type Signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { checkBaseUrl, hostPatternOf, originOf, type BaseUrlProblem } from '@/lib/crm/hosts';
import { type Client, type RequestError, toRequestError } from '@/lib/messaging/client';
import type { SettingsView } from '@/lib/settings/views';
import type { AgentRef } from '@/lib/crm/domain';
import type { BackendKind } from '@/lib/crm/backend';
import type { BackendDescriptor, ExtraSetting } from '@/lib/crm/descriptor';
import { DEFAULT_DESCRIPTOR, registry, type Registry } from '@/lib/crm/registry';
import { ownedModel } from '@/lib/signals/owned-model';

export const CUSTOM_HOST = 'custom';

/** `backends`: the backends the form offers, the shipped ones unless a test gives its own registry. */
export function createConnectionFormModel({ client, backends = registry }: { client: Client; backends?: Registry }) {
  return ownedModel(() => {
    const form = {
      backend: signal<BackendKind>(DEFAULT_DESCRIPTOR.kind),
      /** The settings a backend asks for beyond address, account and secret; empty means the backend's default. */
      extra: { signatureRecipe: signal('') } satisfies Record<ExtraSetting, Signal<string>>,
      host: signal<string>(DEFAULT_DESCRIPTOR.hosts[0]),
      customBaseUrl: signal(''),
      appid: signal(''),
      appKey: signal(''),
      autoLookup: signal(true),
      myAgentId: signal(''),
    };
    /** The CRM's agents, to say who "me" is; empty until the connection works. */
    const agents = signal<AgentRef[]>([]);
    const saved = signal<SettingsView | undefined>(undefined);
    const loadError = signal<RequestError | undefined>(undefined);
    /** `kept`: the CRM refused a changed connection, so the one saved before stays in use. */
    const outcome = signal<{ tone: 'info' | 'error'; text: string; code?: RequestError['code']; crmCode?: string; kept?: boolean } | undefined>(undefined);
    const busy = signal<'saving' | 'testing' | undefined>(undefined);
    const showErrors = signal(false);

    const extraSettings = Object.keys(form.extra) as ExtraSetting[];

    /** The chosen backend's descriptor: the fields the form shows and how they are checked. */
    const chosen = computed<BackendDescriptor>(() => backends.descriptorOf(form.backend.value) ?? backends.descriptors[0]!);

    /** A backend with hosts of its own offers them with a custom address last; one without has the address typed. */
    const offersHosts = computed(() => chosen.value.hosts.length > 0);

    const baseUrl = computed(() => (!offersHosts.value || form.host.value === CUSTOM_HOST ? form.customBaseUrl.value.trim() : form.host.value));

    /**
     * Whether the saved key may be kept: it is only ever sent to the backend, address (origin) and account
     * it was entered for, so changing any of them asks for it again.
     */
    const savedKeyFits = computed(() => {
      const view = saved.value;
      if (!view?.hasAppKey) return false;
      return (
        view.settings.backend === form.backend.value && originOf(view.settings.baseUrl) === originOf(baseUrl.value) && view.appid === form.appid.value.trim()
      );
    });

    /** The saved key no longer fits what is typed: the form says so before anything is sent. */
    const keyMustBeEnteredAgain = computed(
      () => Boolean(saved.value?.hasAppKey) && !savedKeyFits.value && !form.appKey.value && !saved.value?.locked.includes('secret'),
    );

    /** Whether saving would change the connection in use (address, account, key or signing). */
    const changesConnection = computed(() => {
      const view = saved.value;
      if (!view) return true;
      return (
        Boolean(form.appKey.value) ||
        view.settings.backend !== form.backend.value ||
        view.settings.baseUrl !== baseUrl.value.replace(/\/+$/, '') ||
        view.appid !== form.appid.value.trim() ||
        (chosen.value.extraFields ?? []).some((field) => (view.settings[field.setting] ?? '') !== form.extra[field.setting].value.trim())
      );
    });

    const problems = computed(() => {
      const found: { extra?: Partial<Record<ExtraSetting, string>>; baseUrl?: BaseUrlProblem; appid?: 'empty'; appKey?: 'empty' | 'again' } = {};
      for (const field of chosen.value.extraFields ?? []) {
        const value = form.extra[field.setting].value;
        const problem = value.trim() ? field.check(value) : undefined;
        if (problem) found.extra = { ...found.extra, [field.setting]: problem };
      }
      const urlProblem = checkBaseUrl(baseUrl.value);
      if (urlProblem) found.baseUrl = urlProblem;
      if (!form.appid.value.trim()) found.appid = 'empty';
      if (keyMustBeEnteredAgain.value) found.appKey = 'again';
      else if (!form.appKey.value && !savedKeyFits.value && !saved.value?.locked.includes('secret')) found.appKey = 'empty';
      return found;
    });

    async function loadForm() {
      let view: SettingsView;
      try {
        view = await client.request('settings.get', {});
      } catch (error) {
        loadError.value = toRequestError(error);
        return;
      }
      saved.value = view;
      const url = view.settings.baseUrl;
      form.backend.value = view.settings.backend;
      for (const setting of extraSettings) form.extra[setting].value = view.settings[setting] ?? '';
      form.host.value = backends.hosts.includes(url) ? url : CUSTOM_HOST;
      form.customBaseUrl.value = form.host.value === CUSTOM_HOST ? url : '';
      form.appid.value = view.appid;
      form.autoLookup.value = view.settings.autoLookup;
      form.myAgentId.value = view.settings.myAgent?.id ?? '';
      await loadAgents();
    }

    async function loadAgents() {
      if (!saved.value?.configured) return;
      agents.value = await client.request('directory.agents', {}).catch(() => agents.value);
    }

    /** Saves, asking the browser for the CRM host first; returns whether everything was saved. */
    async function save(messages: { saved: string; permissionDenied: string }): Promise<boolean> {
      showErrors.value = true;
      if (Object.keys(problems.value).length > 0) return false;
      busy.value = 'saving';
      outcome.value = undefined;
      // The background tries a changed connection before it replaces a working one, and keeps the old one when the CRM refuses.
      const replacing = Boolean(saved.value?.configured) && changesConnection.value;
      try {
        // Asked first, inside the click's user gesture; a preset host is already granted and answers at once.
        const granted = await browser.permissions.request({ origins: [hostPatternOf(baseUrl.value)] });
        if (!granted) {
          outcome.value = { tone: 'error', text: messages.permissionDenied, code: 'permission-missing' };
          return false;
        }
        saved.value = await client.request('settings.save', {
          backend: form.backend.value,
          // Only the chosen backend's own settings: another backend's would be saved with a connection that ignores them.
          ...Object.fromEntries((chosen.value.extraFields ?? []).map((field) => [field.setting, form.extra[field.setting].value])),
          baseUrl: baseUrl.value,
          appid: form.appid.value.trim(),
          appKey: form.appKey.value || undefined,
          autoLookup: form.autoLookup.value,
          myAgent: agents.value.find((agent) => agent.id === form.myAgentId.value) ?? (form.myAgentId.value ? undefined : null),
        });
        void loadAgents();
        form.appKey.value = '';
        outcome.value = { tone: 'info', text: messages.saved };
        return true;
      } catch (error) {
        const problem = toRequestError(error);
        outcome.value = { tone: 'error', text: problem.message, code: problem.code, crmCode: problem.crmCode, kept: replacing };
        return false;
      } finally {
        busy.value = undefined;
      }
    }

    async function testConnection(messages: { ok: string }) {
      busy.value = 'testing';
      outcome.value = undefined;
      try {
        await client.request('connection.test', {});
        outcome.value = { tone: 'info', text: messages.ok };
      } catch (error) {
        const problem = toRequestError(error);
        outcome.value = { tone: 'error', text: problem.message, code: problem.code, crmCode: problem.crmCode };
      } finally {
        busy.value = undefined;
      }
    }

    void loadForm();
    return {
      backends,
      form,
      agents,
      saved,
      loadError,
      outcome,
      busy,
      showErrors,
      chosen,
      offersHosts,
      baseUrl,
      keyMustBeEnteredAgain,
      problems,
      save,
      testConnection,
    };
  });
}

export type ConnectionFormModel = ReturnType<typeof createConnectionFormModel>;
