// An inline confirmation before a step an agent should not take by a slip: the question, Confirm
// (focused, so Enter confirms and Tab reaches Cancel) and Cancel. Props in, events out.
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
}

export function ConfirmPrompt({ question, busy, onConfirm, onCancel }: ConfirmPromptProps) {
  const confirm = useFocusOnMount<HTMLButtonElement>();
  return (
    <div class="confirm" role="alertdialog" aria-label={textOf(question)}>
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
