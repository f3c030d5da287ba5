// "Added “抖音” · Undo" at the bottom edge of the panel, over the content rather than in it, so nothing
// moves when it comes and goes. Props in, events out.
import { t } from '@/lib/i18n';

export function UndoToast({ text, onUndo }: { text: string | undefined; onUndo: () => void }) {
  // Always rendered, so a screen reader hears each new offer.
  return (
    <div class="toast" role="status">
      {text && (
        <div class="toast__body">
          <span class="toast__text">{text}</span>
          <button type="button" class="link-button toast__action" aria-keyshortcuts="Control+Z" onClick={onUndo}>
            {t('undo')}
          </button>
        </div>
      )}
    </div>
  );
}
