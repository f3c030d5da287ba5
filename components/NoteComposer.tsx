// The follow-up note composer: a labelled textarea that sends on Ctrl/⌘+Enter or the Send button.
// Props in, events out; the draft lives in the notes model.
import { t } from '@/lib/i18n';

interface NoteComposerProps {
  customerId: string;
  value: string;
  /** Why the note cannot be sent as it is. */
  problem: string | undefined;
  onInput: (text: string) => void;
  onSend: () => void;
}

export function NoteComposer({ customerId, value, problem, onInput, onSend }: NoteComposerProps) {
  const fieldId = `note-${customerId}`;
  const hintId = `${fieldId}-hint`;
  const problemId = `${fieldId}-problem`;
  return (
    <form
      class="panel-section composer"
      onSubmit={(event) => {
        event.preventDefault();
        onSend();
      }}
    >
      <label for={fieldId} class="panel-section__title">
        {t('noteLabel')}
      </label>
      <textarea
        id={fieldId}
        class="composer__text"
        rows={2}
        aria-keyshortcuts="N"
        value={value}
        placeholder={t('notePlaceholder')}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${problemId} ${hintId}` : hintId}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSend();
          }
        }}
      />
      {problem && (
        <p id={problemId} class="field__error">
          {problem}
        </p>
      )}
      <div class="composer__footer">
        <p id={hintId} class="field__hint">
          {t('noteHint')}
        </p>
        <button type="submit" class="button button--primary" disabled={!value.trim() || Boolean(problem)}>
          {t('noteSend')}
        </button>
      </div>
    </form>
  );
}
