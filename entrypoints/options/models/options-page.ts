// The options page's models, made once per page and given to the components through OptionsContext:
// each gets the client and the models it reads, so none reaches for another through a module import,
// and `dispose()` stops the storage watches they started. main.tsx makes the one real page; tests make
// the models they need with a fake client.
import type { Client } from '@/lib/messaging/client';
import { createConnectionFormModel } from './connection-form';
import { createEnabledSitesModel } from './enabled-sites';
import { createHeldWritesModel } from './held-writes';
import { createSuggestionSettingsModel } from './label-suggestions';

export function createOptionsPage(client: Client) {
  const connectionForm = createConnectionFormModel({ client });
  const enabledSites = createEnabledSitesModel({ client });
  const heldWrites = createHeldWritesModel({ client, connectionForm });
  const suggestionSettings = createSuggestionSettingsModel({ client });
  const models = { connectionForm, enabledSites, heldWrites, suggestionSettings };
  return {
    ...models,
    dispose() {
      for (const model of Object.values(models).reverse()) model.dispose();
    },
  };
}

export type OptionsPage = ReturnType<typeof createOptionsPage>;
