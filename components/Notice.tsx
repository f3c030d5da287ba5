// A message in place of content: loading, empty, not found or failed, always saying what to do next.
import type { ComponentChildren } from 'preact';

interface NoticeProps {
  tone: 'info' | 'warning' | 'error';
  title: string;
  detail?: string;
  /** Folded extras under the detail, e.g. the CRM's own words. */
  more?: ComponentChildren;
  children?: ComponentChildren;
}

export function Notice({ tone, title, detail, more, children }: NoticeProps) {
  return (
    <section class={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p class="notice__title">{title}</p>
      {detail && <p class="notice__detail">{detail}</p>}
      {more}
      {children && <div class="notice__actions">{children}</div>}
    </section>
  );
}
