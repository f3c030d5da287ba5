// Which tab the panel is about: the active tab of the panel's window, ignoring the extension's own pages
// (so a panel opened as a tab keeps following the conversation it was opened next to).
import { signal } from '@preact/signals';
import { browser, type Browser } from 'wxt/browser';

export interface FollowedTab {
  id: number;
  url: string;
  origin: string | undefined;
}

export const followedTab = signal<FollowedTab | undefined>(undefined);

const isPage = (url: string | undefined) => Boolean(url && /^https?:/.test(url));

function follow(tab: Browser.tabs.Tab | undefined) {
  if (!tab?.id || !isPage(tab.url)) return;
  const url = tab.url!;
  const current = followedTab.value;
  if (current?.id === tab.id && current.url === url) return;
  followedTab.value = { id: tab.id, url, origin: new URL(url).origin };
}

const byMostRecent = (tabs: Browser.tabs.Tab[]) =>
  tabs.filter((tab) => isPage(tab.url)).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));

export async function startFollowingTabs() {
  // A side panel belongs to one window and follows that window's active tab. Opened as a tab of its own
  // (a pinned panel tab, or in tests) it follows the page the agent used last, in any window.
  const ownTab = await browser.tabs.getCurrent();
  const windowId = ownTab ? undefined : (await browser.windows.getCurrent()).id;
  const tabs = await browser.tabs.query(windowId === undefined ? {} : { windowId });
  const active = tabs.find((tab) => tab.active && isPage(tab.url));
  follow(windowId !== undefined && active ? active : byMostRecent(tabs)[0]);
  const mine = (tabWindowId: number) => windowId === undefined || tabWindowId === windowId;
  browser.tabs.onActivated.addListener((info) => {
    if (mine(info.windowId)) void browser.tabs.get(info.tabId).then(follow, () => undefined);
  });
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    if (mine(tab.windowId) && tab.active && (change.url || change.status === 'complete')) follow(tab);
  });
}
