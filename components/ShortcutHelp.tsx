// The list of the panel's keyboard shortcuts, opened with "?" or the top bar's button; it overlays the
// panel and closes with Escape. Props in, events out.
import { t } from '@/lib/i18n';
import { useFocusOnMount } from './focus-on-mount';

interface ShortcutHelpProps {
  shortcuts: readonly { keys: readonly string[]; what: Parameters<typeof t>[0] }[];
  onClose: () => void;
}

export function ShortcutHelp({ shortcuts, onClose }: ShortcutHelpProps) {
  const dialog = useFocusOnMount<HTMLElement>();
  return (
    <section
      ref={dialog}
      id="shortcut-help"
      class="popover shortcuts"
      role="dialog"
      aria-labelledby="shortcut-help-title"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' && event.key !== '?') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <header class="panel-section__header">
        <h2 id="shortcut-help-title" class="panel-section__title">
          {t('shortcutsTitle')}
        </h2>
        <button type="button" class="icon-button" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      <dl class="shortcuts__list">
        {shortcuts.map(({ keys, what }) => (
          <div key={what} class="shortcuts__item">
            <dt>{keys.map((key) => (key === '…' ? <span key={key}> … </span> : <kbd key={key}>{key}</kbd>))}</dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
      <p class="field__hint">{t('shortcutsHint')}</p>
    </section>
  );
}
