// One queued CRM write's state — waiting, sending, saved, or not saved and why — with Retry and Discard
// when it did not land. Props in, events out.
import { t } from '@/lib/i18n';
import type { OutboxState } from '@/lib/outbox/types';

interface WriteStatusProps {
  id: string;
  state: OutboxState;
  /** What the write changes, when the surroundings do not already say it. */
  what?: string;
  /** Where it stands, with the reason when it failed. */
  stateText: string;
  /** It failed, or is waiting after a failure: the agent may send it now or drop it. */
  canRetry: boolean;
  onRetry: () => void;
  onDiscard: () => void;
}

export function WriteStatus({ id, state, what, stateText, canRetry, onRetry, onDiscard }: WriteStatusProps) {
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
      {canRetry && (
        <div class="write__actions">
          <button type="button" class="button button--small" aria-describedby={describedBy} onClick={onRetry}>
            {t('retry')}
          </button>
          <button type="button" class="button button--small" aria-describedby={describedBy} onClick={onDiscard}>
            {t('discard')}
          </button>
        </div>
      )}
    </div>
  );
}
