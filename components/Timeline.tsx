// The customer's timeline: filter tabs, entries in words (who, when, what), queued notes on top with
// their state, and more pages as the end scrolls into view or on "Load more". Says when the section
// comes within reach of the viewport and when focus enters it, so its reader knows when to read. Props
// in, events out.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';

export interface TimelineItem {
  key: string;
  who: string;
  when: string;
  /** Epoch milliseconds, for the machine-readable time. */
  at: number;
  lines: string[];
  kind: 'created' | 'stage' | 'note' | 'fields' | 'other';
  /** A queued note's write state. */
  status?: ComponentChildren;
}

interface TimelineProps<Filter extends string> {
  filters: { value: Filter; name: string }[];
  filter: Filter;
  items: TimelineItem[];
  loading: boolean;
  /** Why the last read failed. */
  error: string | undefined;
  canLoadMore: boolean;
  /** Every page is read. */
  complete: boolean;
  onFilter: (filter: Filter) => void;
  onLoadMore: () => void;
  /** The section came within `REACH_MARGIN` of the viewport (true), or left it (false). */
  onInView: (inView: boolean) => void;
  /** Focus entered the section, e.g. by Tab. */
  onFocusIn: () => void;
}

/** How far beyond the viewport the section counts as in view: far enough to be read by the time it scrolls in. */
export const REACH_MARGIN = '300px 0px';

const tabId = (filter: string) => `timeline-tab-${filter}`;

export function Timeline<Filter extends string>(props: TimelineProps<Filter>) {
  const { filters, filter, items, canLoadMore } = props;
  const end = useRef<HTMLDivElement>(null);
  const section = useRef<HTMLElement>(null);
  const loadMore = useRef(props.onLoadMore);
  loadMore.current = props.onLoadMore;
  const inView = useRef(props.onInView);
  inView.current = props.onInView;

  // Observing reports at once whether the section is within reach; without an observer it always is.
  useEffect(() => {
    if (!section.current) return;
    if (typeof IntersectionObserver === 'undefined') {
      inView.current(true);
      return () => inView.current(false);
    }
    const observer = new IntersectionObserver((entries) => inView.current(entries.at(-1)!.isIntersecting), { rootMargin: REACH_MARGIN });
    observer.observe(section.current);
    return () => {
      observer.disconnect();
      inView.current(false);
    };
  }, []);

  // A new observer each time more can be read: observing reports at once whether the end is in view.
  useEffect(() => {
    if (!canLoadMore || !end.current || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && loadMore.current(), { rootMargin: '120px' });
    observer.observe(end.current);
    return () => observer.disconnect();
  }, [canLoadMore]);

  function moveTab(event: KeyboardEvent) {
    const index = filters.findIndex((each) => each.value === filter);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % filters.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + filters.length) % filters.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? filters.length - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const chosen = filters[next]!.value;
    props.onFilter(chosen);
    document.getElementById(tabId(chosen))?.focus();
  }

  return (
    <section ref={section} class="panel-section timeline" aria-labelledby="timeline-title" onFocusIn={props.onFocusIn}>
      <h3 id="timeline-title" class="panel-section__title">
        {t('timeline')}
      </h3>
      <div class="tabs" role="tablist" aria-labelledby="timeline-title" onKeyDown={moveTab}>
        {filters.map(({ value, name }) => (
          <button
            key={value}
            id={tabId(value)}
            type="button"
            role="tab"
            class="tab"
            aria-selected={value === filter}
            aria-controls="timeline-panel"
            tabIndex={value === filter ? 0 : -1}
            onClick={() => props.onFilter(value)}
          >
            {name}
          </button>
        ))}
      </div>
      <div id="timeline-panel" role="tabpanel" aria-labelledby={tabId(filter)} aria-busy={props.loading}>
        {items.length > 0 && (
          <ol class="timeline__list">
            {items.map((item) => (
              <li key={item.key} class={`timeline__entry timeline__entry--${item.kind} ${item.status ? 'timeline__entry--queued' : ''}`}>
                <p class="timeline__meta">
                  <span class="timeline__who">{item.who}</span>
                  {item.when && <time dateTime={new Date(item.at).toISOString()}>{item.when}</time>}
                </p>
                {item.lines.map((line, index) => (
                  <p key={index} class="timeline__what">
                    {line}
                  </p>
                ))}
                {item.status}
              </li>
            ))}
          </ol>
        )}
        {items.length === 0 && !props.loading && !props.error && <p class="muted">{t('timelineEmpty')}</p>}
        {props.loading && (
          <p class="muted" role="status">
            {t('timelineLoading')}
          </p>
        )}
        {props.error && (
          <p class="inline-error" role="alert">
            {t('timelineFailed')} {props.error}{' '}
            <button type="button" class="link-button" onClick={props.onLoadMore}>
              {t('retry')}
            </button>
          </p>
        )}
        <div ref={end} class="timeline__end">
          {canLoadMore && (
            <button type="button" class="button" onClick={props.onLoadMore}>
              {t('timelineLoadMore')}
            </button>
          )}
          {props.complete && items.length > 0 && <p class="muted">{t('timelineEnd')}</p>}
        </div>
      </div>
    </section>
  );
}
