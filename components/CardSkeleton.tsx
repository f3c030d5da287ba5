// The card's shape while the CRM answers, so the panel does not jump when the customer arrives.
import { t } from '@/lib/i18n';

export function CardSkeleton() {
  return (
    <section class="card card--skeleton" aria-busy="true" aria-label={t('lookupLoading')}>
      <div class="skeleton skeleton--title" />
      <div class="skeleton skeleton--line" />
      <div class="skeleton skeleton--line skeleton--short" />
      <div class="skeleton skeleton--chips" />
    </section>
  );
}
