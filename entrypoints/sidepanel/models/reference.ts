// Reference data the card names things with (sources, custom fields, stages, label groups), loaded once
// the CRM is connected and again when the connection changes.
import { signal } from '@preact/signals';
import type { Client } from '@/lib/messaging/client';
import type { CardVocabulary } from '@/lib/crm/views';
import { ownedModel } from '@/lib/signals/owned-model';
import type { SettingsModel } from './settings';

export function createReferenceModel({ client, settings: { settingsView } }: { client: Client; settings: Pick<SettingsModel, 'settingsView'> }) {
  return ownedModel((own) => {
    const referenceData = signal<CardVocabulary | undefined>(undefined);

    let loadedFor: string | undefined;
    own.effect(() => {
      const view = settingsView.value;
      if (!view?.configured) return;
      const connection = `${view.settings.backend}|${view.settings.baseUrl}|${view.appid}`;
      if (connection === loadedFor) return;
      loadedFor = connection;
      // Without reference data the card still shows; only names of codes are missing, so failures are quiet.
      void client.request('reference.get', {}).then(
        (data) => (referenceData.value = data),
        () => (loadedFor = undefined),
      );
    });
    return { referenceData };
  });
}

export type ReferenceModel = ReturnType<typeof createReferenceModel>;
