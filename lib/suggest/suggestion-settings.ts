// The label-suggestion settings: on or off, and the synonyms per label name — the agent's own (kept with
// the other settings in lib/settings/agent-settings.ts) with an admin's policy laid over them
// (`labelSuggestions`, `labelSynonyms` in public/managed_schema.json, read by lib/settings/policy.ts,
// which also says what the policy says about suggestions).
// The admin's switch wins; the admin's synonyms are always in use and the agent's are added to them.
// Also the one-line-per-label text the options page edits them as. Pure; the background and the options
// page import it. Every list is bounded.
import type { LabelSynonyms } from './label-matcher';

export interface LabelSuggestionSettings {
  enabled: boolean;
  synonyms: LabelSynonyms;
}

export interface SuggestionPolicy {
  enabled?: boolean;
  synonyms?: LabelSynonyms;
}

/** The agent's own suggestion settings, the admin's, and the two laid together. */
export interface LabelSuggestionsView {
  own: LabelSuggestionSettings;
  policy: SuggestionPolicy;
  effective: LabelSuggestionSettings;
}

export const DEFAULT_SUGGESTION_SETTINGS: LabelSuggestionSettings = { enabled: true, synonyms: {} };

export const MAX_SYNONYM_LABELS = 300;
export const MAX_SYNONYMS_PER_LABEL = 20;
export const MAX_SYNONYM_CHARS = 30;
export const MAX_LABEL_NAME_CHARS = 100;

/** Trimmed, without empties or repeats, within the bounds; undefined when `raw` is not a name → words object. */
export function cleanSynonyms(raw: unknown): LabelSynonyms | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const clean: LabelSynonyms = {};
  for (const [name, words] of Object.entries(raw as Record<string, unknown>)) {
    const label = name.trim();
    if (!label || label.length > MAX_LABEL_NAME_CHARS || !Array.isArray(words)) return undefined;
    if (words.some((word) => typeof word !== 'string' || word.trim().length > MAX_SYNONYM_CHARS)) return undefined;
    const kept = [...new Set((words as string[]).map((word) => word.trim()).filter(Boolean))];
    if (kept.length > MAX_SYNONYMS_PER_LABEL) return undefined;
    if (kept.length > 0) clean[label] = [...new Set([...(clean[label] ?? []), ...kept])];
  }
  return Object.keys(clean).length <= MAX_SYNONYM_LABELS ? clean : undefined;
}

function mergeSynonyms(first: LabelSynonyms, second: LabelSynonyms): LabelSynonyms {
  const merged: LabelSynonyms = { ...first };
  for (const [name, words] of Object.entries(second)) merged[name] = [...new Set([...(merged[name] ?? []), ...words])];
  return merged;
}

export function effectiveSuggestionSettings(local: LabelSuggestionSettings, policy: SuggestionPolicy): LabelSuggestionSettings {
  return { enabled: policy.enabled ?? local.enabled, synonyms: mergeSynonyms(policy.synonyms ?? {}, local.synonyms) };
}

export type SynonymLineProblem = 'no-separator' | 'no-name' | 'name-too-long' | 'no-words' | 'word-too-long' | 'too-many-words' | 'too-many-labels';

/** `红酒: 葡萄酒, wine` — a colon (either width) after the label's name, words split by commas or 、 or semicolons. */
export function parseSynonymText(text: string): { synonyms: LabelSynonyms; problems: { line: number; problem: SynonymLineProblem }[] } {
  const synonyms: LabelSynonyms = {};
  const problems: { line: number; problem: SynonymLineProblem }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    const colon = raw.search(/[:：]/);
    if (colon < 0) return void problems.push({ line, problem: 'no-separator' });
    const name = raw.slice(0, colon).trim();
    const words = raw
      .slice(colon + 1)
      .split(/[,，、;；]/)
      .map((word) => word.trim())
      .filter(Boolean);
    if (!name) return void problems.push({ line, problem: 'no-name' });
    if (name.length > MAX_LABEL_NAME_CHARS) return void problems.push({ line, problem: 'name-too-long' });
    if (words.length === 0) return void problems.push({ line, problem: 'no-words' });
    if (words.some((word) => word.length > MAX_SYNONYM_CHARS)) return void problems.push({ line, problem: 'word-too-long' });
    const all = [...new Set([...(synonyms[name] ?? []), ...words])];
    if (all.length > MAX_SYNONYMS_PER_LABEL) return void problems.push({ line, problem: 'too-many-words' });
    if (!synonyms[name] && Object.keys(synonyms).length >= MAX_SYNONYM_LABELS) return void problems.push({ line, problem: 'too-many-labels' });
    synonyms[name] = all;
  });
  return { synonyms, problems };
}

export function formatSynonymText(synonyms: LabelSynonyms): string {
  return Object.entries(synonyms)
    .map(([name, words]) => `${name}: ${words.join(', ')}`)
    .join('\n');
}
