// The CRM connection as the panel needs to know it: configured or not, what the backend can do, and
// whether lookups start by themselves.
import { computed, signal } from '@preact/signals';
import { wordErrorsFor } from '@/lib/i18n';
import { request, RequestError, toRequestError } from '@/lib/messaging/client';
import type { SettingsView } from '@/lib/messaging/protocol';
import { settingsChangedItem } from '@/lib/storage';

export const settingsView = signal<SettingsView | undefined>(undefined);
export const settingsError = signal<RequestError | undefined>(undefined);

/** Whether the panel looks the newest contact up by itself (and the background may start it first). */
export const autoLookupOn = computed(() => Boolean(settingsView.value?.configured && settingsView.value.settings.autoLookup));

export async function loadSettings() {
  try {
    const view = await request('settings.get', {});
    wordErrorsFor(view.settings.backend);
    settingsView.value = view;
    settingsError.value = undefined;
  } catch (error) {
    settingsError.value = toRequestError(error);
  }
}

export function startWatchingSettings() {
  void loadSettings();
  // Saved in the options page: pick the change up without a reload.
  settingsChangedItem.watch(() => void loadSettings());
}
