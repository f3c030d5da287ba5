// Paged manual-search results; the highlighted one follows the arrow keys in the search box (which
// points at it with aria-activedescendant) and is announced as selected. An option is clicked as a
// whole: a button inside an option would be a control inside a control.
import { formatTime } from '@/lib/format';
import { t } from '@/lib/i18n';
import type { CustomerCard } from '@/lib/crm/views';

interface SearchResultsProps {
  cards: CustomerCard[];
  highlighted: number;
  page: number;
  pageCount: number;
  total: number;
  onPick: (index: number) => void;
  onPage: (page: number) => void;
}

/** The id of the option at `index`, for the search box to point at. */
export const SEARCH_RESULTS_ID = 'search-results';

export const searchResultId = (index: number) => `search-result-${index}`;

export function SearchResults({ cards, highlighted, page, pageCount, total, onPick, onPage }: SearchResultsProps) {
  if (cards.length === 0)
    return (
      <p class="muted" role="status">
        {t('searchNoResults')}
      </p>
    );
  return (
    <section class="chooser" aria-label={t('searchResults')}>
      <p class="chooser__title" role="status">
        {t('searchTotal', String(total))}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the search box's listbox (aria-activedescendant); focus stays in the box */}
      <ul role="listbox" id={SEARCH_RESULTS_ID} aria-label={t('searchResults')}>
        {cards.map(({ customer }, index) => (
          // biome-ignore lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: an option of that listbox, chosen with the box's arrow keys and Enter
          <li
            key={customer.id}
            id={searchResultId(index)}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the listbox above
            role="option"
            aria-selected={index === highlighted}
            class={`chooser__item ${index === highlighted ? 'chooser__item--active' : ''}`}
            onClick={() => onPick(index)}
          >
            <span class="chooser__name">{customer.nick || customer.realName || t('unnamedCustomer')}</span>
            <span class="chooser__meta">
              {[customer.realName, customer.phones[0], customer.emails[0], customer.company, formatTime(customer.updatedAt)].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {pageCount > 1 && (
        <nav class="pager" aria-label={t('pages')}>
          <button type="button" class="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
            {t('previousPage')}
          </button>
          <span>{t('pageOf', [String(page), String(pageCount)])}</span>
          <button type="button" class="button" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
            {t('nextPage')}
          </button>
        </nav>
      )}
    </section>
  );
}
