// In place of the card when the CRM no longer has the customer on screen (a colleague merged them into
// another customer, or deleted them): says so, offers to look the contact up again, and keeps the note
// the agent was writing for them, to copy. Props in, events out.
import { t } from '@/lib/i18n';
import { CopyButton } from './CopyButton';
import { Notice } from './Notice';

interface CustomerGoneProps {
  name: string;
  /** The contact the card was found by, as the agent reads it. */
  contact: string;
  /** The unsent note the agent was writing for this customer, if any. */
  draft?: string;
  onLookUpAgain: () => void;
}

export function CustomerGone({ name, contact, draft, onLookUpAgain }: CustomerGoneProps) {
  return (
    <Notice
      tone="warning"
      title={t('customerGone', name)}
      detail={t('customerGoneDetail')}
      more={
        draft && (
          <div class="gone__draft">
            <p class="muted">{t('goneDraftKept')}</p>
            <p class="gone__draft-text">{draft}</p>
            <CopyButton value={draft} label={t('noteLabel')} />
          </div>
        )
      }
    >
      <button type="button" class="button button--primary" onClick={onLookUpAgain}>
        {t('lookUpAgain', contact)}
      </button>
    </Notice>
  );
}
