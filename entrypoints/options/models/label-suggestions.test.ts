import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { policyProblems, type SchemaNode } from '@/scripts/managed-schema';
import { RequestError } from '@/lib/messaging/client';
import { fakeClient } from '@/lib/messaging/fake-client.testing';
import { readPolicy } from '@/lib/settings/policy';
import type { LabelSuggestionsView } from '@/lib/suggest/suggestion-settings';
import { createSuggestionSettingsModel } from './label-suggestions';

const schema = JSON.parse(readFileSync('public/managed_schema.json', 'utf8')) as SchemaNode;

/** Opens the section as the options page does, once the background answered with `view`; the CRM is not connected, so its labels are not known. */
async function openWith(view: LabelSuggestionsView) {
  const { client } = fakeClient(async (type) => {
    if (type === 'labelSuggestions.settings') return view;
    throw new RequestError('not-configured', 'The CRM connection is not set up yet.');
  });
  const model = createSuggestionSettingsModel({ client });
  await vi.waitFor(() => expect(model.suggestionsView.value).toBe(view));
  return model;
}

describe('the synonyms on the options page', () => {
  it('exports the synonyms in use as a policy fragment an admin can roll out as it is', async () => {
    const { exportedSynonyms } = await openWith({
      own: { enabled: true, synonyms: { 红酒: ['干红'] } },
      policy: { synonyms: { 红酒: ['葡萄酒'], 开票需求: ['发票'] } },
      effective: { enabled: true, synonyms: { 红酒: ['葡萄酒', '干红'], 开票需求: ['发票'] } },
    });
    const exported = JSON.parse(exportedSynonyms()) as Record<string, unknown>;
    expect(policyProblems(schema, exported)).toEqual([]);
    expect(readPolicy(exported).policy.labelSynonyms).toEqual({ 红酒: ['葡萄酒', '干红'], 开票需求: ['发票'] });
  });

  it('knows an unsaved draft, and names the labels the CRM does not have', async () => {
    const { crmLabelNames, synonymDraft, synonymsChanged, unknownLabelNames } = await openWith({
      own: { enabled: true, synonyms: { 红酒: ['干红'] } },
      policy: {},
      effective: { enabled: true, synonyms: { 红酒: ['干红'] } },
    });
    synonymDraft.value = '红酒：干红';
    expect(synonymsChanged.value).toBe(false);
    synonymDraft.value = '红酒: 干红\n白酒: 二锅头';
    expect(synonymsChanged.value).toBe(true);
    expect(unknownLabelNames.value).toEqual([]);
    crmLabelNames.value = new Set(['红酒']);
    expect(unknownLabelNames.value).toEqual(['白酒']);
  });
});
