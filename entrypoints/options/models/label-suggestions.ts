// The label-suggestion settings as the options page edits them: on or off, and the agent's synonyms as
// one line per label (`红酒: 葡萄酒, wine`), checked line by line before saving; the admin's synonyms
// shown apart, since only a policy changes them; and the list in use exported as a file an admin can put
// in a policy as it is. What the agent typed stays in the box until it is saved, whatever went wrong.
// The saved settings and the CRM's label names are loaded as the model is made.
import { computed, signal } from '@preact/signals';
import { type Client, type RequestError, toRequestError } from '@/lib/messaging/client';
import { ownedModel } from '@/lib/signals/owned-model';
import type { LabelSuggestionsView } from '@/lib/suggest/suggestion-settings';
import { formatSynonymText, parseSynonymText, type SynonymLineProblem } from '@/lib/suggest/suggestion-settings';

export function createSuggestionSettingsModel({ client }: { client: Client }) {
  return ownedModel(() => {
    const suggestionsView = signal<LabelSuggestionsView | undefined>(undefined);
    const synonymDraft = signal('');
    const synonymProblems = signal<{ line: number; problem: SynonymLineProblem }[]>([]);
    const suggestionOutcome = signal<{ saved: true } | { error: RequestError } | undefined>(undefined);
    const suggestionsBusy = signal(false);
    /** The CRM's label names, to say which synonyms name no label; empty while the CRM cannot be asked. */
    const crmLabelNames = signal<ReadonlySet<string>>(new Set());

    /** The draft says something else than what is saved (however it is punctuated), or cannot be read. */
    const synonymsChanged = computed(() => {
      const { synonyms, problems } = parseSynonymText(synonymDraft.value);
      return problems.length > 0 || JSON.stringify(synonyms) !== JSON.stringify(suggestionsView.value?.own.synonyms ?? {});
    });

    /** Names in the draft that no label of the CRM carries (only once the CRM's labels are known). */
    const unknownLabelNames = computed(() => {
      const known = crmLabelNames.value;
      if (known.size === 0) return [];
      return Object.keys(parseSynonymText(synonymDraft.value).synonyms).filter((name) => !known.has(name));
    });

    async function loadSuggestionSettings() {
      try {
        const view = await client.request('labelSuggestions.settings', {});
        suggestionsView.value = view;
        synonymDraft.value = formatSynonymText(view.own.synonyms);
      } catch (error) {
        suggestionOutcome.value = { error: toRequestError(error) };
      }
      try {
        const reference = await client.request('reference.get', {});
        crmLabelNames.value = new Set(reference.labelGroups.flatMap((group) => group.labels.map((label) => label.name)));
      } catch {
        // Not connected yet: names are not checked.
      }
    }

    async function save(change: { enabled?: boolean; synonyms?: Record<string, string[]> }) {
      suggestionsBusy.value = true;
      try {
        suggestionsView.value = await client.request('labelSuggestions.save', change);
        suggestionOutcome.value = { saved: true };
      } catch (error) {
        suggestionOutcome.value = { error: toRequestError(error) };
      } finally {
        suggestionsBusy.value = false;
      }
    }

    /** The box shows the agent's click at once; a refused save puts it back as it was. */
    async function setSuggestionsEnabled(enabled: boolean) {
      const before = suggestionsView.value;
      if (before)
        suggestionsView.value = { ...before, own: { ...before.own, enabled }, effective: { ...before.effective, enabled: before.policy.enabled ?? enabled } };
      await save({ enabled });
      if (suggestionOutcome.value && 'error' in suggestionOutcome.value) suggestionsView.value = before;
    }

    async function saveSynonyms() {
      const { synonyms, problems } = parseSynonymText(synonymDraft.value);
      synonymProblems.value = problems;
      if (problems.length > 0) {
        suggestionOutcome.value = undefined;
        return;
      }
      await save({ synonyms });
    }

    /** The synonyms in use (the admin's and the agent's), in the shape of the policy's `labelSynonyms`. */
    function exportedSynonyms(): string {
      return `${JSON.stringify({ labelSynonyms: suggestionsView.value?.effective.synonyms ?? {} }, null, 2)}\n`;
    }

    function downloadSynonyms() {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([exportedSynonyms()], { type: 'application/json' }));
      link.download = 'label-synonyms.json';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 0);
    }

    void loadSuggestionSettings();
    return {
      suggestionsView,
      synonymDraft,
      synonymProblems,
      suggestionOutcome,
      suggestionsBusy,
      crmLabelNames,
      synonymsChanged,
      unknownLabelNames,
      setSuggestionsEnabled,
      saveSynonyms,
      exportedSynonyms,
      downloadSynonyms,
    };
  });
}
