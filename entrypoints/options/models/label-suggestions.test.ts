import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyProblems, type SchemaNode } from '@/scripts/managed-schema';
import { readPolicy } from '@/lib/settings/policy';
import { crmLabelNames, exportedSynonyms, suggestionsView, synonymDraft, synonymsChanged, unknownLabelNames } from './label-suggestions';

const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as SchemaNode;

describe('the synonyms on the options page', () => {
  it('exports the synonyms in use as a policy fragment an admin can roll out as it is', () => {
    suggestionsView.value = {
      own: { enabled: true, synonyms: { 红酒: ['干红'] } },
      policy: { synonyms: { 红酒: ['葡萄酒'], 开票需求: ['发票'] } },
      effective: { enabled: true, synonyms: { 红酒: ['葡萄酒', '干红'], 开票需求: ['发票'] } },
    };
    const exported = JSON.parse(exportedSynonyms()) as Record<string, unknown>;
    expect(policyProblems(schema, exported)).toEqual([]);
    expect(readPolicy(exported).policy.labelSynonyms).toEqual({ 红酒: ['葡萄酒', '干红'], 开票需求: ['发票'] });
  });

  it('knows an unsaved draft, and names the labels the CRM does not have', () => {
    suggestionsView.value = { own: { enabled: true, synonyms: { 红酒: ['干红'] } }, policy: {}, effective: { enabled: true, synonyms: { 红酒: ['干红'] } } };
    synonymDraft.value = '红酒：干红';
    expect(synonymsChanged.value).toBe(false);
    synonymDraft.value = '红酒: 干红\n白酒: 二锅头';
    expect(synonymsChanged.value).toBe(true);
    expect(unknownLabelNames.value).toEqual([]);
    crmLabelNames.value = new Set(['红酒']);
    expect(unknownLabelNames.value).toEqual(['白酒']);
  });
});
