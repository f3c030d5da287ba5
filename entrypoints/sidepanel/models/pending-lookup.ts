// "Look up “<selection>”" from the page's context menu: a phone or email in the selection is looked up,
// any other text is searched by name. The request is taken once and cleared.
import { effect, type ReadonlySignal } from '@preact/signals';
import { ownedModel } from '@/lib/signals/owned-model';
import { pendingLookupItem } from '@/lib/storage';
import type { FollowedTabModel } from './followed-tab';
import type { LookupModel } from './lookup';
import type { SearchModel } from './search';

/** Older requests belong to a panel that was closed when they were made and then forgotten. */
const FRESH_FOR_MS = 60_000;

/** Resolves once the panel knows its tab: a lookup is the tab's, and a panel just opened may not know it yet. */
function tabKnown(followedTab: ReadonlySignal<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const stop = effect(() => {
      if (!followedTab.value) return;
      resolve();
      queueMicrotask(() => stop());
    });
  });
}

export interface PendingLookupDeps {
  tab: Pick<FollowedTabModel, 'followedTab'>;
  lookup: Pick<LookupModel, 'lookUp'>;
  search: Pick<SearchModel, 'closeSearch' | 'search' | 'searchField' | 'searchText'>;
}

export function createPendingLookupTaker({
  tab: { followedTab },
  lookup: { lookUp },
  search: { closeSearch, search, searchField, searchText },
}: PendingLookupDeps) {
  return ownedModel((own) => {
    async function take(request: Awaited<ReturnType<typeof pendingLookupItem.getValue>>) {
      if (!request || Date.now() - request.at > FRESH_FOR_MS) return;
      await tabKnown(followedTab);
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

    void pendingLookupItem.getValue().then(take);
    own.onDispose(pendingLookupItem.watch((request) => void take(request)));
    return {};
  });
}
