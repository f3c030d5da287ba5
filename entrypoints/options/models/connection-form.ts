// The options form's state: what the admin typed (kept until saved, whatever fails), validation, and
// the save and test actions with their outcome.
import { computed, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { checkBaseUrl, hostPatternOf, originOf, SOBOT_HOSTS, type BaseUrlProblem } from '@/lib/crm/hosts';
import { request, RequestError, toRequestError } from '@/lib/messaging/client';
import type { SettingsView } from '@/lib/messaging/protocol';
import type { AgentRef } from '@/lib/crm/domain';
import type { BackendKind } from '@/lib/crm/backend';
import { recipeFromText } from '@/lib/crm/useasy/sign';

export const CUSTOM_HOST = 'custom';

export const form = {
  backend: signal<BackendKind>('sobot'),
  /** Useasy's signature recipe; empty means the documented default. */
  recipe: signal(''),
  host: signal<string>(SOBOT_HOSTS[0]),
  customBaseUrl: signal(''),
  appid: signal(''),
  appKey: signal(''),
  autoLookup: signal(true),
  myAgentId: signal(''),
};
/** The CRM's agents, to say who "me" is; empty until the connection works. */
export const agents = signal<AgentRef[]>([]);
export const saved = signal<SettingsView | undefined>(undefined);
/** `kept`: the CRM refused a changed connection, so the one saved before stays in use. */
export const outcome = signal<{ tone: 'info' | 'error'; text: string; code?: RequestError['code']; crmCode?: string; kept?: boolean } | undefined>(undefined);
export const busy = signal<'saving' | 'testing' | undefined>(undefined);
export const showErrors = signal(false);

export const baseUrl = computed(() =>
  form.backend.value === 'useasy' || form.host.value === CUSTOM_HOST ? form.customBaseUrl.value.trim() : form.host.value,
);

/**
 * Whether the saved key may be kept: it is only ever sent to the backend, address (origin) and account
 * it was entered for, so changing any of them asks for it again.
 */
export const savedKeyFits = computed(() => {
  const view = saved.value;
  if (!view?.hasAppKey) return false;
  return view.settings.backend === form.backend.value && originOf(view.settings.baseUrl) === originOf(baseUrl.value) && view.appid === form.appid.value.trim();
});

/** The saved key no longer fits what is typed: the form says so before anything is sent. */
export const keyMustBeEnteredAgain = computed(() => Boolean(saved.value?.hasAppKey) && !savedKeyFits.value && !form.appKey.value && !saved.value?.locked.includes('secret'));

/** Whether saving would change the connection in use (address, account, key or signing). */
const changesConnection = computed(() => {
  const view = saved.value;
  if (!view) return true;
  return (
    Boolean(form.appKey.value) ||
    view.settings.backend !== form.backend.value ||
    view.settings.baseUrl !== baseUrl.value.replace(/\/+$/, '') ||
    view.appid !== form.appid.value.trim() ||
    (form.backend.value === 'useasy' && (view.settings.signatureRecipe ?? '') !== form.recipe.value.trim())
  );
});

export const problems = computed(() => {
  const found: { baseUrl?: BaseUrlProblem; appid?: 'empty'; appKey?: 'empty' | 'again'; recipe?: string } = {};
  if (form.backend.value === 'useasy' && form.recipe.value.trim()) {
    try {
      recipeFromText(form.recipe.value);
    } catch (error) {
      found.recipe = error instanceof Error ? error.message : String(error);
    }
  }
  const urlProblem = checkBaseUrl(baseUrl.value);
  if (urlProblem) found.baseUrl = urlProblem;
  if (!form.appid.value.trim()) found.appid = 'empty';
  if (keyMustBeEnteredAgain.value) found.appKey = 'again';
  else if (!form.appKey.value && !savedKeyFits.value && !saved.value?.locked.includes('secret')) found.appKey = 'empty';
  return found;
});

export const loadError = signal<RequestError | undefined>(undefined);

export async function loadForm() {
  let view: SettingsView;
  try {
    view = await request('settings.get', {});
  } catch (error) {
    loadError.value = toRequestError(error);
    return;
  }
  saved.value = view;
  const url = view.settings.baseUrl;
  form.backend.value = view.settings.backend;
  form.recipe.value = view.settings.signatureRecipe ?? '';
  form.host.value = (SOBOT_HOSTS as readonly string[]).includes(url) ? url : CUSTOM_HOST;
  form.customBaseUrl.value = form.host.value === CUSTOM_HOST ? url : '';
  form.appid.value = view.appid;
  form.autoLookup.value = view.settings.autoLookup;
  form.myAgentId.value = view.settings.myAgent?.id ?? '';
  await loadAgents();
}

async function loadAgents() {
  if (!saved.value?.configured) return;
  agents.value = await request('directory.agents', {}).catch(() => agents.value);
}

/** Saves, asking the browser for the CRM host first; returns whether everything was saved. */
export async function save(messages: { saved: string; permissionDenied: string }): Promise<boolean> {
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
    saved.value = await request('settings.save', {
      backend: form.backend.value,
      signatureRecipe: form.backend.value === 'useasy' ? form.recipe.value : undefined,
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

export async function testConnection(messages: { ok: string }) {
  busy.value = 'testing';
  outcome.value = undefined;
  try {
    await request('connection.test', {});
    outcome.value = { tone: 'info', text: messages.ok };
  } catch (error) {
    const problem = toRequestError(error);
    outcome.value = { tone: 'error', text: problem.message, code: problem.code, crmCode: problem.crmCode };
  } finally {
    busy.value = undefined;
  }
}
