// The CRM connection as the panel needs to know it: configured or not, what the backend can do, and
// whether lookups start by themselves. Read at once and again whenever the options page saves.
import { computed, signal } from '@preact/signals';
import { wordErrorsFor } from '@/lib/i18n';
import { toRequestError, type Client, type RequestError } from '@/lib/messaging/client';
import type { SettingsView } from '@/lib/settings/views';
import { ownedModel } from '@/lib/signals/owned-model';
import { settingsChangedItem } from '@/lib/storage';

export function createSettingsModel({ client }: { client: Client }) {
  return ownedModel((own) => {
    const settingsView = signal<SettingsView | undefined>(undefined);
    const settingsError = signal<RequestError | undefined>(undefined);
    /** Whether the panel looks the newest contact up by itself (and the background may start it first). */
    const autoLookupOn = computed(() => Boolean(settingsView.value?.configured && settingsView.value.settings.autoLookup));

    async function loadSettings() {
      try {
        const view = await client.request('settings.get', {});
        wordErrorsFor(view.settings.backend);
        settingsView.value = view;
        settingsError.value = undefined;
      } catch (error) {
        settingsError.value = toRequestError(error);
      }
    }

    void loadSettings();
    // Saved in the options page: pick the change up without a reload.
    own.onDispose(settingsChangedItem.watch(() => void loadSettings()));
    return { settingsView, settingsError, autoLookupOn, loadSettings };
  });
}

export type SettingsModel = ReturnType<typeof createSettingsModel>;
