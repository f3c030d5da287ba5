// The options page's "Label suggestions" section: the switch, the synonyms box with each wrong line
// named, the administrator's synonyms (read only) and the export; what a policy sets is locked with its
// hint, like the connection's fields. Renders the suggestion settings model (models/label-suggestions.ts).
import { Notice } from '@/components/Notice';
import { describeError, t } from '@/lib/i18n';
import type { SynonymLineProblem } from '@/lib/suggest/suggestion-settings';
import { describedBy, LockedHint, useLocks } from './LockedHint';
import { useOptions } from './options-context';

const PROBLEMS: Record<SynonymLineProblem, Parameters<typeof t>[0]> = {
  'no-separator': 'synonymNoSeparator',
  'no-name': 'synonymNoName',
  'name-too-long': 'synonymNameTooLong',
  'no-words': 'synonymNoWords',
  'word-too-long': 'synonymWordTooLong',
  'too-many-words': 'synonymTooManyWords',
  'too-many-labels': 'synonymTooManyLabels',
};

export function LabelSuggestionsSection() {
  const {
    downloadSynonyms,
    saveSynonyms,
    setSuggestionsEnabled,
    suggestionOutcome,
    suggestionsBusy,
    suggestionsView,
    synonymDraft,
    synonymProblems,
    unknownLabelNames,
  } = useOptions().suggestionSettings;
  const { isLocked, lockHintId } = useLocks();
  const view = suggestionsView.value;
  if (!view) return null;
  const adminSynonyms = Object.entries(view.policy.synonyms ?? {});
  const problems = synonymProblems.value;
  const unknown = unknownLabelNames.value;
  const outcome = suggestionOutcome.value;
  return (
    <section class="form" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('suggestionsTitle')}</h2>
      <div class="field">
        <label class="checkbox">
          <input
            type="checkbox"
            checked={view.effective.enabled}
            disabled={isLocked('labelSuggestions') || suggestionsBusy.value}
            aria-describedby={describedBy(lockHintId('labelSuggestions'), 'suggestions-privacy')}
            onChange={(event) => void setSuggestionsEnabled(event.currentTarget.checked)}
          />
          {t('suggestionsEnabled')}
        </label>
        <LockedHint field="labelSuggestions" />
        <p id="suggestions-privacy" class="field__hint">
          {t('suggestionsPrivacy')}
        </p>
      </div>
      <div class="field">
        <label for="synonyms">{t('synonymsLabel')}</label>
        <textarea
          id="synonyms"
          class="synonyms"
          rows={6}
          spellcheck={false}
          value={synonymDraft.value}
          placeholder={t('synonymsPlaceholder')}
          aria-invalid={problems.length > 0}
          aria-describedby="synonyms-hint synonyms-problems"
          onInput={(event) => (synonymDraft.value = event.currentTarget.value)}
        />
        <p id="synonyms-hint" class="field__hint">
          {t('synonymsHint')}
        </p>
        <div id="synonyms-problems">
          {problems.map(({ line, problem }) => (
            <p key={line} class="field__error">
              {t('synonymLine', [String(line), t(PROBLEMS[problem])])}
            </p>
          ))}
          {unknown.length > 0 && <p class="field__hint">{t('synonymsUnknown', unknown.join(t('listJoin')))}</p>}
        </div>
      </div>
      {(adminSynonyms.length > 0 || isLocked('labelSynonyms')) && (
        <div class="field">
          <h3 id="synonyms-admin-title" class="synonyms__admin-title">
            {t('synonymsByAdmin')}
          </h3>
          {adminSynonyms.length > 0 && (
            <ul class="synonyms__admin" aria-labelledby="synonyms-admin-title" aria-describedby={lockHintId('labelSynonyms')}>
              {adminSynonyms.map(([name, words]) => (
                <li key={name}>
                  <bdi>{name}</bdi>
                  {t('nameValueSeparator')}
                  {words.join(t('listJoin'))}
                </li>
              ))}
            </ul>
          )}
          <LockedHint field="labelSynonyms" />
        </div>
      )}
      <div class="form__actions">
        <button type="button" class="button button--primary" disabled={suggestionsBusy.value} onClick={() => void saveSynonyms()}>
          {t('synonymsSave')}
        </button>
        <button type="button" class="button" onClick={downloadSynonyms}>
          {t('synonymsExport')}
        </button>
      </div>
      {outcome &&
        ('saved' in outcome ? <Notice tone="info" title={t('suggestionsSaved')} /> : <Notice tone="error" title={describeError(outcome.error.code)} />)}
    </section>
  );
}
