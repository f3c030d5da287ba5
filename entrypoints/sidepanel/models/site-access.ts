// Whether the page scanner may run on the followed tab's site, and the "Enable on this site" action:
// the browser's own permission prompt first, then the background registers the scanner. The enabled
// sites come from the background (the agent's and the admin's policy sites together).
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { hostPatternOf } from '@/lib/crm/hosts';
import { RequestError, toRequestError, type Client } from '@/lib/messaging/client';
import { ownedModel } from '@/lib/signals/owned-model';
import { settingsChangedItem } from '@/lib/storage';
import type { FollowedTabModel } from './followed-tab';

/** `admin-needs-access`: the admin enabled the site by policy, but the browser has not granted access to it yet. */
export type SiteAccess = 'unknown' | 'enabled' | 'disabled' | 'admin-needs-access' | 'enabling';

export function createSiteAccessModel({ client, tab: { followedTab } }: { client: Client; tab: Pick<FollowedTabModel, 'followedTab'> }) {
  return ownedModel((own) => {
    const siteAccess = signal<SiteAccess>('unknown');
    const siteAccessError = signal<RequestError | undefined>(undefined);

    async function refresh(origin: string | undefined) {
      if (!origin) {
        siteAccess.value = 'unknown';
        return;
      }
      try {
        const [sites, granted] = await Promise.all([client.request('site.list', {}), browser.permissions.contains({ origins: [hostPatternOf(origin)] })]);
        if (sites.enabledSites.includes(origin) && granted) siteAccess.value = 'enabled';
        else siteAccess.value = sites.setByAdmin.includes(origin) ? 'admin-needs-access' : 'disabled';
      } catch (error) {
        siteAccessError.value = toRequestError(error);
        siteAccess.value = 'disabled';
      }
    }

    async function enableFollowedSite() {
      const tab = followedTab.value;
      if (!tab?.origin) return;
      siteAccessError.value = undefined;
      siteAccess.value = 'enabling';
      try {
        // Must run in the click's user gesture: nothing may be awaited before it.
        const granted = await browser.permissions.request({ origins: [hostPatternOf(tab.origin)] });
        if (!granted) throw new RequestError('permission-missing', 'The browser did not grant access to this site.');
        await client.request('site.enable', { origin: tab.origin, tabId: tab.id });
        siteAccess.value = 'enabled';
      } catch (error) {
        siteAccessError.value = toRequestError(error);
        await refresh(tab.origin);
      }
    }

    own.effect(() => void refresh(followedTab.value?.origin));
    own.onDispose(settingsChangedItem.watch(() => void refresh(followedTab.value?.origin)));
    return { siteAccess, siteAccessError, enableFollowedSite };
  });
}

export type SiteAccessModel = ReturnType<typeof createSiteAccessModel>;
