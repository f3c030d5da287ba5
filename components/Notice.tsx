// A message in place of content: loading, empty, not found or failed, always saying what to do next.
import type { ComponentChildren } from 'preact';

interface NoticeProps {
  tone: 'info' | 'warning' | 'error';
  title: string;
  detail?: string;
  /** Folded extras under the detail, e.g. the CRM's own words. */
  more?: ComponentChildren;
  children?: ComponentChildren;
  /** False when the panel's announcer already says it: a live region would say it twice. */
  live?: boolean;
}

export function Notice({ tone, title, detail, more, children, live = true }: NoticeProps) {
  return (
    <section class={`notice notice--${tone}`} role={!live ? undefined : tone === 'error' ? 'alert' : 'status'}>
      <p class="notice__title">{title}</p>
      {detail && <p class="notice__detail">{detail}</p>}
      {more}
      {children && <div class="notice__actions">{children}</div>}
    </section>
  );
}
