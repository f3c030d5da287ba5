// Reference data the card names things with (sources, custom fields, stages, label groups), loaded once
// the CRM is connected and again when the connection changes.
import { effect, signal } from '@preact/signals';
import { request } from '@/lib/messaging/client';
import type { CardVocabulary } from '@/lib/crm/views';
import { settingsView } from './settings';

export const referenceData = signal<CardVocabulary | undefined>(undefined);

export function startLoadingReference() {
  let loadedFor: string | undefined;
  effect(() => {
    const view = settingsView.value;
    if (!view?.configured) return;
    const connection = `${view.settings.backend}|${view.settings.baseUrl}|${view.appid}`;
    if (connection === loadedFor) return;
    loadedFor = connection;
    // Without reference data the card still shows; only names of codes are missing, so failures are quiet.
    void request('reference.get', {}).then((data) => (referenceData.value = data), () => (loadedFor = undefined));
  });
}
