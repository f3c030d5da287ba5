import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SitesView } from '@/lib/settings/views';

const request = vi.fn();
vi.mock('@/lib/messaging/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/messaging/client')>()),
  request: (...args: unknown[]) => request(...args),
}));

const { siteAccess, startWatchingSiteAccess } = await import('./site-access');
const { followedTab } = await import('./followed-tab');

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
