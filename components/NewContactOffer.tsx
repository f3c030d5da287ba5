// The offer of a newly detected contact, in the header's place (so it moves nothing), while the card
// stays on the customer the agent is working on; and the pin that says the agent chose that customer.
import { t } from '@/lib/i18n';

/** The key that takes the offer from anywhere in the panel, typing included (shortcuts.ts; S too, outside text fields). */
const SWITCH_SHORTCUT = 'Alt+N';

interface NewContactOfferProps {
  /** The contact as the panel formats it. */
  contact: string;
  /** The one customer found for it, when it was looked up ahead. */
  name?: string;
  /** The words around it on the page. */
  context: string;
  onSwitch: () => void;
  onDismiss: () => void;
}

export function NewContactOffer({ contact, name, context, onSwitch, onDismiss }: NewContactOfferProps) {
  return (
    <div class="offer" role="status" aria-label={t('newContactOffer')}>
      <p class="offer__text" title={context}>
        <span class="offer__label">{t('newContact')}</span> {name && <bdi class="offer__name">{name}</bdi>} <bdi class="offer__contact">{contact}</bdi>
      </p>
      <button
        type="button"
        class="button button--small button--primary"
        onClick={onSwitch}
        aria-keyshortcuts={SWITCH_SHORTCUT}
        title={t('switchContactHint', SWITCH_SHORTCUT)}
      >
        {t('switchContact')}
      </button>
      <button type="button" class="icon-button" onClick={onDismiss} aria-label={t('dismissOffer')} title={t('dismissOffer')}>
        ✕
      </button>
    </div>
  );
}

export function PinButton({ onUnpin }: { onUnpin: () => void }) {
  return (
    <button type="button" class="icon-button pin" aria-pressed="true" onClick={onUnpin} aria-label={t('pinnedFollowNew')} title={t('pinnedHint')}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <path fill="currentColor" d="M10.5 1.5 14.5 5.5 12.4 6.3 9.9 8.8 10.3 12 8.9 13.4 6 10.5 2.6 13.9 2.1 13.4 5.5 10 2.6 7.1 4 5.7 7.2 6.1 9.7 3.6z" />
      </svg>
      <span class="pin__text">{t('pinned')}</span>
    </button>
  );
}
