// A message in place of content: loading, empty, not found or failed, always saying what to do next.
import type { ComponentChildren } from 'preact';

interface NoticeProps {
  tone: 'info' | 'warning' | 'error';
  title: string;
  detail?: string;
  children?: ComponentChildren;
}

export function Notice({ tone, title, detail, children }: NoticeProps) {
  return (
    <section class={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p class="notice__title">{title}</p>
      {detail && <p class="notice__detail">{detail}</p>}
      {children && <div class="notice__actions">{children}</div>}
    </section>
  );
}
