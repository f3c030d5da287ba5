// For the panel models' tests: puts a lookup on screen the way the background's publication would, for
// the followed tab and the connection the panel knows. Test-only.
import type { LookupView, TabLookup } from '@/lib/lookup/tab-lookup';
import { followedTab } from './followed-tab';
import { publishedLookups } from './lookup';
import { settingsView } from './settings';

export const TEST_TAB_ID = 1;

export function showLookup(view: LookupView, rest: Partial<Omit<TabLookup, 'view'>> = {}) {
  if (!followedTab.peek()) followedTab.value = { id: TEST_TAB_ID, url: 'https://chat.example/', origin: 'https://chat.example' };
  const tabId = followedTab.peek()!.id;
  publishedLookups.value = { ...publishedLookups.peek(), [tabId]: { connection: settingsView.peek()?.connection, pinned: false, ...rest, view } };
}
