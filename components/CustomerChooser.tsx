// Several customers share the contact: show what tells them apart and let the agent pick one.
import { formatTime } from '@/lib/format';
import { t } from '@/lib/i18n';
import type { CustomerCard } from '@/lib/crm/views';

export function CustomerChooser({ cards, onPick }: { cards: CustomerCard[]; onPick: (customerId: string) => void }) {
  return (
    <section class="chooser" aria-label={t('chooseCustomer')}>
      <p class="chooser__title">{t('severalMatches', String(cards.length))}</p>
      <ul>
        {cards.map(({ customer }) => (
          <li key={customer.id}>
            <button type="button" class="chooser__item" onClick={() => onPick(customer.id)}>
              <span class="chooser__name">{customer.nick || customer.realName || t('unnamedCustomer')}</span>
              <span class="chooser__meta">
                {[customer.realName, customer.phones[0], customer.company, customer.updatedAt ? formatTime(customer.updatedAt) : undefined]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
