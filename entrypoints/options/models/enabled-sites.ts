// The sites where the page scanner runs by itself, listed so an agent can see and remove theirs; the
// ones the admin set by policy are listed too, marked, and cannot be removed here. The list comes from
// the background (it lives where content scripts cannot read it) and is asked for again on every change,
// as long as the model lives.
import { signal } from '@preact/signals';
import { type Client, type RequestError, toRequestError } from '@/lib/messaging/client';
import type { SitesView } from '@/lib/settings/views';
import { ownedModel } from '@/lib/signals/owned-model';
import { settingsChangedItem } from '@/lib/storage';

export function createEnabledSitesModel({ client }: { client: Client }) {
  return ownedModel((own) => {
    const sites = signal<SitesView>({ enabledSites: [], setByAdmin: [] });
    const sitesError = signal<RequestError | undefined>(undefined);

    async function ask(send: () => Promise<SitesView>) {
      try {
        sites.value = await send();
        sitesError.value = undefined;
      } catch (error) {
        sitesError.value = toRequestError(error);
      }
    }

    const refresh = () => ask(() => client.request('site.list', {}));
    const removeSite = (origin: string) => ask(() => client.request('site.disable', { origin }));

    void refresh();
    own.onDispose(settingsChangedItem.watch(() => void refresh()));
    return { sites, sitesError, removeSite };
  });
}
