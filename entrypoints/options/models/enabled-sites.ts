// The sites where the page scanner runs by itself, listed so an agent can see and remove them.
import { signal } from '@preact/signals';
import { request, RequestError } from '@/lib/messaging/client';
import { enabledSitesItem } from '@/lib/storage';

export const enabledSites = signal<string[]>([]);
export const sitesError = signal<RequestError | undefined>(undefined);

export function startWatchingSites() {
  void enabledSitesItem.getValue().then((sites) => (enabledSites.value = sites));
  enabledSitesItem.watch((sites) => (enabledSites.value = sites ?? []));
}

export async function removeSite(origin: string) {
  try {
    enabledSites.value = (await request('site.disable', { origin })).enabledSites;
    sitesError.value = undefined;
  } catch (error) {
    sitesError.value = error instanceof RequestError ? error : new RequestError('internal', String(error));
  }
}
