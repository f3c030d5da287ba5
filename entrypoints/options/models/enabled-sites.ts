// The sites where the page scanner runs by itself, listed so an agent can see and remove theirs; the
// ones the admin set by policy are listed too, marked, and cannot be removed here. The list comes from
// the background (it lives where content scripts cannot read it) and is asked for again on every change.
import { signal } from '@preact/signals';
import { request, type RequestError, toRequestError } from '@/lib/messaging/client';
import type { SitesView } from '@/lib/settings/views';
import { settingsChangedItem } from '@/lib/storage';

export const sites = signal<SitesView>({ enabledSites: [], setByAdmin: [] });
export const sitesError = signal<RequestError | undefined>(undefined);

async function ask(send: () => Promise<SitesView>) {
  try {
    sites.value = await send();
    sitesError.value = undefined;
  } catch (error) {
    sitesError.value = toRequestError(error);
  }
}

export function startWatchingSites() {
  const refresh = () => ask(() => request('site.list', {}));
  void refresh();
  settingsChangedItem.watch(() => void refresh());
}

export const removeSite = (origin: string) => ask(() => request('site.disable', { origin }));
