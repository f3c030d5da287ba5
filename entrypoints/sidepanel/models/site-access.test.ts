import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SitesView } from '@/lib/settings/views';
import { signal } from '@preact/signals';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import type { FollowedTab } from './followed-tab';
import { createSiteAccessModel, type SiteAccessModel } from './site-access';

const { client, request } = fakeClient();
const followedTab = signal<FollowedTab | undefined>(undefined);
let model: SiteAccessModel | undefined;
let siteAccess = signal('unknown');

/** Makes the model as the panel does when it opens: it watches the followed tab and the settings from then on. */
function startWatchingSiteAccess() {
  model?.dispose();
  model = createSiteAccessModel({ client, tab: { followedTab } });
  siteAccess = model.siteAccess;
}

const CHAT = 'https://chat.corp.example';

function given(sites: SitesView, granted: boolean) {
  request.mockImplementation(async (type: string) => (type === 'site.list' ? sites : undefined));
  // The fake browser types contains() as answering nothing; the real one answers whether access is granted.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(granted as never);
}

describe('whether detection runs on the followed site', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    request.mockReset();
    followedTab.value = undefined;
    siteAccess.value = 'unknown';
  });

  it('counts a site the admin enabled by policy, which the agent’s own list does not hold', async () => {
    given({ enabledSites: [CHAT], setByAdmin: [CHAT] }, true);
    startWatchingSiteAccess();
    followedTab.value = { id: 1, url: `${CHAT}/inbox`, origin: CHAT };
    await vi.waitFor(() => expect(siteAccess.value).toBe('enabled'));
  });

  it('tells an admin’s site the browser has not granted yet apart from a site detection is off on', async () => {
    given({ enabledSites: [CHAT], setByAdmin: [CHAT] }, false);
    startWatchingSiteAccess();
    followedTab.value = { id: 1, url: `${CHAT}/inbox`, origin: CHAT };
    await vi.waitFor(() => expect(siteAccess.value).toBe('admin-needs-access'));

    given({ enabledSites: [], setByAdmin: [] }, true);
    followedTab.value = { id: 2, url: 'https://shop.example/chat', origin: 'https://shop.example' };
    await vi.waitFor(() => expect(siteAccess.value).toBe('disabled'));
  });

  it('asks again when the settings or the policy change', async () => {
    given({ enabledSites: [], setByAdmin: [] }, true);
    startWatchingSiteAccess();
    followedTab.value = { id: 1, url: `${CHAT}/inbox`, origin: CHAT };
    await vi.waitFor(() => expect(siteAccess.value).toBe('disabled'));
    given({ enabledSites: [CHAT], setByAdmin: [CHAT] }, true);
    await fakeBrowser.storage.session.set({ settingsChanged: 'policy pushed' });
    await vi.waitFor(() => expect(siteAccess.value).toBe('enabled'));
  });
});
