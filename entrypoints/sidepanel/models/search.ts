// Manual search: the agent types a name, company, phone or email and picks from paged results. The
// typed query stays in the box whatever happens, so nothing the agent typed is lost.
import { signal } from '@preact/signals';
import type { SearchField } from '@/lib/crm/domain';
import { toRequestError, type Client, type RequestError } from '@/lib/messaging/client';
import type { CustomerCard } from '@/lib/crm/views';
import { ownedModel } from '@/lib/signals/owned-model';
import type { LookupModel } from './lookup';

export type SearchState =
  | { status: 'idle' }
  | { status: 'loading'; page: number }
  | { status: 'results'; cards: CustomerCard[]; page: number; pageCount: number; total: number }
  | { status: 'error'; error: RequestError };

export function createSearchModel({ client, lookup: { openCustomer } }: { client: Client; lookup: Pick<LookupModel, 'openCustomer'> }) {
  return ownedModel(() => {
    const searchField = signal<SearchField>('phone');
    const searchText = signal('');
    const searchState = signal<SearchState>({ status: 'idle' });
    const highlighted = signal(0);
    /** The agent moved through the results with the arrows since the last search: Enter opens, not searches. */
    let navigated = false;

    let sequence = 0;

    async function search(page = 1) {
      const value = searchText.value.trim();
      if (!value) return;
      const mine = ++sequence;
      searchState.value = { status: 'loading', page };
      try {
        const result = await client.request('customer.search', { field: searchField.value, value, page });
        if (mine !== sequence) return;
        searchState.value = { status: 'results', cards: result.cards, page: result.page, pageCount: result.pageCount, total: result.total };
        highlighted.value = 0;
        navigated = false;
      } catch (error) {
        if (mine !== sequence) return;
        searchState.value = { status: 'error', error: toRequestError(error) };
      }
    }

    function moveHighlight(step: 1 | -1) {
      const state = searchState.value;
      if (state.status !== 'results' || state.cards.length === 0) return;
      highlighted.value = (highlighted.value + step + state.cards.length) % state.cards.length;
      navigated = true;
    }

    function pick(index = highlighted.value) {
      const state = searchState.value;
      const card = state.status === 'results' ? state.cards[index] : undefined;
      if (!card) return;
      void openCustomer(card.customer.id);
      closeSearch();
    }

    /** Enter in the box: open the highlighted result after arrow keys, otherwise search. */
    function submitSearch() {
      if (navigated && searchState.value.status === 'results') pick();
      else void search(1);
    }

    function closeSearch() {
      sequence += 1;
      searchState.value = { status: 'idle' };
    }
    return { searchField, searchText, searchState, highlighted, search, moveHighlight, pick, submitSearch, closeSearch };
  });
}

export type SearchModel = ReturnType<typeof createSearchModel>;
