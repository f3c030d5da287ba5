// Paged manual-search results; the highlighted one follows the arrow keys and is announced as selected.
import { formatTime } from '@/lib/format';
import { t } from '@/lib/i18n';
import type { CustomerCard } from '@/lib/messaging/protocol';

interface SearchResultsProps {
  cards: CustomerCard[];
  highlighted: number;
  page: number;
  pageCount: number;
  total: number;
  onPick: (index: number) => void;
  onPage: (page: number) => void;
}

export function SearchResults({ cards, highlighted, page, pageCount, total, onPick, onPage }: SearchResultsProps) {
  if (cards.length === 0) return <p class="muted" role="status">{t('searchNoResults')}</p>;
  return (
    <section class="chooser" aria-label={t('searchResults')}>
      <p class="chooser__title" role="status">
        {t('searchTotal', String(total))}
      </p>
      <ul role="listbox" aria-label={t('searchResults')}>
        {cards.map(({ customer }, index) => (
          <li key={customer.id} role="option" aria-selected={index === highlighted}>
            <button type="button" class={`chooser__item ${index === highlighted ? 'chooser__item--active' : ''}`} onClick={() => onPick(index)}>
              <span class="chooser__name">{customer.nick || customer.realName || t('unnamedCustomer')}</span>
              <span class="chooser__meta">
                {[customer.realName, customer.phones[0], customer.emails[0], customer.company, formatTime(customer.updatedAt)].filter(Boolean).join(' · ')}
              </span>
            </button>
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
