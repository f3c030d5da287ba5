// One queued CRM write's state — waiting, sending, saved, or not saved and why — with Retry and Discard
// when it did not land. Discard asks first: a dropped write is gone for good. Props in, events out.
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { CopyButton } from './CopyButton';
import { CrmText } from './CrmText';
import { useFocusOnMount } from './focus-on-mount';
import type { OutboxState } from '@/lib/outbox/types';

interface WriteStatusProps {
  id: string;
  state: OutboxState;
  /** What the write changes, when the surroundings do not already say it. */
  what?: string;
  /** Where it stands, in the agent's words. */
  stateText: string;
  /** The failure as the CRM put it, shown only on request. */
  crmError?: { crmCode?: string; message: string };
  /** It failed, or is waiting after a failure: the agent may send it now or drop it. */
  canRetry: boolean;
  /** A failed note's whole text, offered to copy: nothing the agent typed is lost with the write. */
  copyText?: string;
  onRetry: () => void;
  onDiscard: () => void;
}

/** Asked in place of the buttons; "Keep" takes focus, so Enter by reflex keeps the write. */
function DiscardQuestion({ describedBy, onDiscard, onKeep }: { describedBy: string; onDiscard: () => void; onKeep: () => void }) {
  const keep = useFocusOnMount<HTMLButtonElement>();
  return (
    <div class="write__actions write__ask" role="group" aria-label={t('discardAsk')}>
      <span>{t('discardAsk')}</span>
      <button type="button" class="button button--small" aria-describedby={describedBy} onClick={onDiscard}>
        {t('discard')}
      </button>
      <button type="button" class="button button--small" ref={keep} onClick={onKeep}>
        {t('discardKeep')}
      </button>
    </div>
  );
}

export function WriteStatus({ id, state, what, stateText, crmError, canRetry, copyText, onRetry, onDiscard }: WriteStatusProps) {
  const [asking, setAsking] = useState(false);
  const describedBy = `write-${id}`;
  // Waiting after a failure is not the calm "waiting" of a write that never failed.
  const tone = state === 'pending' && canRetry ? 'retrying' : state;
  return (
    <div class={`write write--${tone}`}>
      <p class="write__line" id={describedBy}>
        {what && <span class="write__what">{what}</span>}
        <span class="write__state">
          <span class="write__icon" aria-hidden="true" />
          {stateText}
        </span>
      </p>
      <CrmText error={crmError} />
      {canRetry && !asking && (
        <div class="write__actions">
          <button type="button" class="button button--small" aria-describedby={describedBy} onClick={onRetry}>
            {t('retry')}
          </button>
          <button type="button" class="button button--small" aria-describedby={describedBy} onClick={() => setAsking(true)}>
            {t('discard')}
          </button>
          {copyText && <CopyButton value={copyText} label={t('noteLabel')} />}
        </div>
      )}
      {canRetry && asking && <DiscardQuestion describedBy={describedBy} onDiscard={onDiscard} onKeep={() => setAsking(false)} />}
    </div>
  );
}
