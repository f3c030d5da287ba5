// The panel's one voice for writes: a status button in the top bar summing up every queued change
// ("2 changes waiting · CRM unreachable · retrying in 30 s"), which opens the list of them with Retry
// and Discard. The list overlays the panel instead of pushing it down. Props in, events out.
import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';

interface WritesBarProps {
  summary: { tone: 'failed' | 'retrying' | 'waiting' | 'saved' | 'offline'; text: string };
  open: boolean;
  /** The writes, each a WriteStatus; empty when only the CRM's reachability is reported. */
  children?: ComponentChildren;
  onToggle: () => void;
}

const WRITES_LIST_ID = 'writes-list';

export function WritesBar({ summary, open, children, onToggle }: WritesBarProps) {
  const expandable = Boolean(children);
  return (
    <div class="writes-bar">
      <button
        type="button"
        class={`writes-bar__summary writes-bar__summary--${summary.tone}`}
        aria-expanded={expandable ? open : undefined}
        aria-controls={expandable ? WRITES_LIST_ID : undefined}
        disabled={!expandable}
        onClick={onToggle}
      >
        <span class="writes-bar__icon" aria-hidden="true" />
        <span class="writes-bar__text">{summary.text}</span>
      </button>
      {expandable && open && (
        <section
          id={WRITES_LIST_ID}
          class="writes-bar__list"
          aria-label={t('writesTitle')}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            onToggle();
          }}
        >
          {children}
        </section>
      )}
    </div>
  );
}
