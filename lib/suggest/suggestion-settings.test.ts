import { describe, expect, it } from 'vitest';
import { suggestionPolicyOf } from '../settings/policy';
import { effectiveSuggestionSettings, formatSynonymText, parseSynonymText } from './suggestion-settings';

describe('label suggestion settings', () => {
  it('takes the policy’s switch and synonyms as the admin’s, and nothing else of it', () => {
    expect(suggestionPolicyOf({ labelSuggestions: false, labelSynonyms: { 红酒: ['葡萄酒'] }, baseUrl: 'https://crm.example.com' })).toEqual({
      enabled: false,
      synonyms: { 红酒: ['葡萄酒'] },
    });
    expect(suggestionPolicyOf({ autoLookup: true })).toEqual({});
  });

  it('lets the admin’s switch win and adds the agent’s synonyms to the admin’s', () => {
    const local = { enabled: true, synonyms: { 红酒: ['干红'], 发票: ['开票'] } };
    expect(effectiveSuggestionSettings(local, { enabled: false, synonyms: { 红酒: ['葡萄酒'] } })).toEqual({
      enabled: false,
      synonyms: { 红酒: ['葡萄酒', '干红'], 发票: ['开票'] },
    });
    expect(effectiveSuggestionSettings(local, {}).enabled).toBe(true);
  });

  it('reads one label per line, in either width of colon and comma, and says which line is wrong', () => {
    const { synonyms, problems } = parseSynonymText('红酒：葡萄酒，干红、wine\n\n开票需求: 发票; invoice\n投诉\n: 无名\n易投诉:\n红酒: wine, 酒');
    expect(synonyms).toEqual({ 红酒: ['葡萄酒', '干红', 'wine', '酒'], 开票需求: ['发票', 'invoice'] });
    expect(problems).toEqual([
      { line: 4, problem: 'no-separator' },
      { line: 5, problem: 'no-name' },
      { line: 6, problem: 'no-words' },
    ]);
    expect(parseSynonymText(formatSynonymText(synonyms)).synonyms).toEqual(synonyms);
  });
});
