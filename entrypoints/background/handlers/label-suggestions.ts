// Handlers for label suggestions (labelSuggestions.*): the labels the conversation about the customer on
// screen talks about (matched here, off the chat page, against the cached label groups), and the
// suggestion settings with the admin's policy laid over them. Turning suggestions off forgets every kept conversation.
import type { LabelGroup } from '@/lib/crm/domain';
import type { MessagesIn } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/server';
import { contactKey } from '@/lib/suggest/conversation';
import { createLabelMatcher, type LabelMatcher, type LabelSynonyms } from '@/lib/suggest/label-matcher';
import { suggestionPolicyOf } from '@/lib/settings/policy';
import { cleanSynonyms, effectiveSuggestionSettings, type LabelSuggestionSettings, type LabelSuggestionsView } from '@/lib/suggest/suggestion-settings';
import type { HandlerDependencies } from './dependencies';
import { crmLists } from '../crm-lists';

/** What the index is built from: the same labels and synonyms build the same matcher. */
const indexKey = (groups: LabelGroup[], synonyms: LabelSynonyms) =>
  JSON.stringify([groups.map((group) => [group.id, group.labels.map((label) => [label.id, label.name])]), synonyms]);

export function labelSuggestionHandlers(deps: HandlerDependencies): Pick<Handlers, MessagesIn<'labelSuggestions'>> {
  const lists = crmLists(deps);
  let built: { key: string; matcher: LabelMatcher } | undefined;

  function matcherFor(groups: LabelGroup[], synonyms: LabelSynonyms): LabelMatcher {
    const key = indexKey(groups, synonyms);
    if (built?.key !== key) built = { key, matcher: createLabelMatcher(groups, synonyms) };
    return built.matcher;
  }

  /** As saved, each part checked again: what the matcher is built from is never taken on trust. */
  async function ownSettings(): Promise<LabelSuggestionSettings> {
    const saved = await deps.labelSuggestions.getValue();
    return { enabled: saved?.enabled !== false, synonyms: cleanSynonyms(saved?.synonyms) ?? {} };
  }

  async function view(): Promise<LabelSuggestionsView> {
    const [own, reading] = await Promise.all([ownSettings(), deps.policy()]);
    const policy = suggestionPolicyOf(reading.policy);
    return { own, policy, effective: effectiveSuggestionSettings(own, policy) };
  }

  /** The contact keys a customer's phones and emails stand for, in the forms the detector gives them. */
  function keysOf(contacts: string[]): Set<string> {
    const keys = new Set<string>();
    for (const written of contacts) {
      for (const contact of deps.detect(written)) keys.add(contactKey(contact));
      if (written.includes('@')) keys.add(contactKey({ kind: 'email', value: written.trim().toLowerCase() }));
    }
    return keys;
  }

  return {
    async 'labelSuggestions.forTab'({ tabId, contacts }) {
      const { effective } = await view();
      if (!effective.enabled) return { enabled: false, matches: [] };
      const texts = await deps.conversations.about(tabId, keysOf(contacts));
      if (texts.length === 0) return { enabled: true, matches: [] };
      const groups = await lists.labelGroups();
      return { enabled: true, matches: matcherFor(groups, effective.synonyms).match(texts) };
    },

    'labelSuggestions.settings': view,

    async 'labelSuggestions.save'({ enabled, synonyms }) {
      const own = await ownSettings();
      await deps.labelSuggestions.setValue({ enabled: enabled ?? own.enabled, synonyms: synonyms ?? own.synonyms });
      const saved = await view();
      if (!saved.effective.enabled) await deps.conversations.forgetAll();
      return saved;
    },
  };
}
