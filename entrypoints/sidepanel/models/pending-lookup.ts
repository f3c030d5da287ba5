// "Look up “<selection>”" from the page's context menu: a phone or email in the selection is looked up,
// any other text is searched by name. The request is taken once and cleared.
import { effect } from '@preact/signals';
import { pendingLookupItem } from '@/lib/storage';
import { followedTab } from './followed-tab';
import { lookUp } from './lookup';
import { closeSearch, search, searchField, searchText } from './search';

/** Older requests belong to a panel that was closed when they were made and then forgotten. */
const FRESH_FOR_MS = 60_000;

/** Resolves once the panel knows its tab: a lookup is the tab's, and a panel just opened may not know it yet. */
function tabKnown(): Promise<void> {
  return new Promise((resolve) => {
    const stop = effect(() => {
      if (!followedTab.value) return;
      resolve();
      queueMicrotask(() => stop());
    });
  });
}

async function take(request: Awaited<ReturnType<typeof pendingLookupItem.getValue>>) {
  if (!request || Date.now() - request.at > FRESH_FOR_MS) return;
  await tabKnown();
  await pendingLookupItem.setValue(null);
  if (request.contact) {
    closeSearch();
    await lookUp(request.contact);
  } else {
    searchField.value = 'nick';
    searchText.value = request.text;
    await search(1);
  }
}

export function startTakingPendingLookups() {
  void pendingLookupItem.getValue().then(take);
  pendingLookupItem.watch((request) => void take(request));
}
