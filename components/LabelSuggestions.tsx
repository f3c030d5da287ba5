// The suggested labels in the card: a row of its own above the chips, one line high whether it holds
// none or three, so it never pushes anything and a label added below never pushes it. Each suggestion
// says, on hover, on focus and to screen readers (aria-describedby), the words of the chat that
// suggested it and which label it replaces in a single-choice group. One Tab stop, arrows inside.
// Props in, events out.
import { useEffect } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { moveRovingFocus, useRovingStop } from './roving-focus';

interface SuggestionView {
  id: string;
  name: string;
  words: string[];
  /** The customer's label of a single-choice group this one would take the place of. */
  replaces?: string;
  applied: boolean;
}

interface LabelSuggestionsProps {
  suggestions: SuggestionView[];
  onApply: (id: string) => void;
  /** The pointer or focus came onto the row, or left it: the row's list holds still meanwhile. */
  onHold: () => void;
  onRelease: () => void;
}

function why(suggestion: SuggestionView): string {
  // The message quotes the first and last word; the joint closes one quote and opens the next.
  const heard = t('labelSuggestionHeard', suggestion.words.join(t('labelSuggestionWordsJoin')));
  return suggestion.replaces ? `${heard} ${t('labelSuggestionReplaces', suggestion.replaces)}` : heard;
}

function nameOf(suggestion: SuggestionView): string {
  if (suggestion.applied) return t('labelSuggestionApplied', suggestion.name);
  return suggestion.replaces ? t('labelSuggestionReplace', [suggestion.replaces, suggestion.name]) : t('labelSuggestionAdd', suggestion.name);
}

export function LabelSuggestions({ suggestions, onApply, onHold, onRelease }: LabelSuggestionsProps) {
  const roving = useRovingStop(suggestions.map((suggestion) => suggestion.id));
  const firstOpen = suggestions.find((suggestion) => !suggestion.applied);
  // A row that goes (another customer opened) holds nothing still any more.
  useEffect(() => onRelease, []);
  return (
    <div
      class="suggestions"
      role="group"
      aria-labelledby="suggestions-caption"
      onPointerEnter={onHold}
      // Focus left on a button by a click does not hold the row; focus from the keyboard does.
      onPointerLeave={() => !document.activeElement?.matches('.suggestions :focus-visible') && onRelease()}
      onFocusIn={onHold}
      onFocusOut={(event) =>
        !(event.relatedTarget instanceof Element && event.currentTarget.contains(event.relatedTarget)) && !event.currentTarget.matches(':hover') && onRelease()
      }
      onKeyDown={(event) => moveRovingFocus(event, '.suggestion__button')}
    >
      <span id="suggestions-caption" class="suggestions__caption">
        {t('labelSuggestions')}
      </span>
      {suggestions.length === 0 ? (
        <span class="suggestions__none">{t('labelSuggestionsNone')}</span>
      ) : (
        <ul class="suggestions__list">
          {suggestions.map((suggestion) => (
            <li key={suggestion.id} class="suggestion">
              <button
                type="button"
                class={`suggestion__button${suggestion.applied ? ' suggestion__button--applied' : ''}`}
                aria-label={nameOf(suggestion)}
                aria-describedby={`suggestion-why-${suggestion.id}`}
                aria-disabled={suggestion.applied || undefined}
                aria-keyshortcuts={suggestion === firstOpen ? 'A' : undefined}
                tabIndex={roving.tabIndexOf(suggestion.id)}
                onFocus={roving.onFocusOf(suggestion.id)}
                onClick={() => !suggestion.applied && onApply(suggestion.id)}
              >
                <span class="suggestion__mark" aria-hidden="true">
                  {suggestion.applied ? '✓' : suggestion.replaces ? '⇄' : '+'}
                </span>
                <span class="suggestion__name">{suggestion.name}</span>
              </button>
              <span id={`suggestion-why-${suggestion.id}`} class="suggestion__why" role="tooltip">
                {why(suggestion)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
