// Which tab the panel is about: the active tab of the panel's window, ignoring the extension's own pages
// (so a panel opened as a tab keeps following the conversation it was opened next to).
import { signal } from '@preact/signals';
import { browser, type Browser } from 'wxt/browser';
import { ownedModel } from '@/lib/signals/owned-model';

export interface FollowedTab {
  id: number;
  url: string;
  origin: string | undefined;
}

const isPage = (url: string | undefined) => Boolean(url && /^https?:/.test(url));

const byMostRecent = (tabs: Browser.tabs.Tab[]) => tabs.filter((tab) => isPage(tab.url)).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));

export function createFollowedTabModel() {
  return ownedModel((own) => {
    const followedTab = signal<FollowedTab | undefined>(undefined);

    function follow(tab: Browser.tabs.Tab | undefined) {
      if (!tab?.id || !isPage(tab.url)) return;
      const url = tab.url!;
      const current = followedTab.value;
      if (current?.id === tab.id && current.url === url) return;
      followedTab.value = { id: tab.id, url, origin: new URL(url).origin };
    }

    async function startFollowing() {
      // A side panel belongs to one window and follows that window's active tab. Opened as a tab of its own
      // (a pinned panel tab, or in tests) it follows the page the agent used last, in any window.
      const ownTab = await browser.tabs.getCurrent();
      const windowId = ownTab ? undefined : (await browser.windows.getCurrent()).id;
      const tabs = await browser.tabs.query(windowId === undefined ? {} : { windowId });
      const active = tabs.find((tab) => tab.active && isPage(tab.url));
      follow(windowId !== undefined && active ? active : byMostRecent(tabs)[0]);
      const mine = (tabWindowId: number) => windowId === undefined || tabWindowId === windowId;
      const onActivated = (info: Browser.tabs.OnActivatedInfo) => {
        if (mine(info.windowId)) void browser.tabs.get(info.tabId).then(follow, () => undefined);
      };
      const onUpdated = (_tabId: number, change: Browser.tabs.OnUpdatedInfo, tab: Browser.tabs.Tab) => {
        if (mine(tab.windowId) && tab.active && (change.url || change.status === 'complete')) follow(tab);
      };
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      own.onDispose(() => {
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
      });
    }

    void startFollowing();
    return { followedTab };
  });
}

export type FollowedTabModel = ReturnType<typeof createFollowedTabModel>;
