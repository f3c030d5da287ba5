// An inline confirmation before a step an agent should not take by a slip: the question, Confirm
// (focused, so Enter confirms and Tab reaches Cancel) and Cancel; Escape cancels wherever focus is in
// it. Props in, events out.
import { t } from '@/lib/i18n';
import { useFocusOnMount } from './focus-on-mount';
import { textOf, viewOf, type Sentence } from './sentence';

interface ConfirmPromptProps {
  /** A Sentence when it names something from the CRM (isolated, see sentence.tsx). */
  question: string | Sentence;
  /** While the step is being taken: Confirm cannot be pressed twice. */
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where focus goes once it closes, when the control that asked is gone from the page. */
  returnTo?: () => HTMLElement | null | undefined;
}

export function ConfirmPrompt({ question, busy, onConfirm, onCancel, returnTo }: ConfirmPromptProps) {
  const confirm = useFocusOnMount<HTMLButtonElement>({ returnTo });
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-label={textOf(question)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation(); // Escape answers this question, not whatever holds it
        onCancel();
      }}
    >
      <p>{viewOf(question)}</p>
      <div class="form__actions">
        <button type="button" class="button button--primary" disabled={busy} onClick={onConfirm} ref={confirm}>
          {t('confirm')}
        </button>
        <button type="button" class="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
