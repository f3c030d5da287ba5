import { describe, expect, it, vi } from 'vitest';
import { detectContacts } from '@/lib/contacts/detect';
import type { LabelGroup } from '@/lib/crm/domain';
import type { ConversationText } from '@/lib/suggest/conversation';
import type { ManagedPolicy } from '@/lib/settings/policy';
import { DEFAULT_SUGGESTION_SETTINGS, type LabelSuggestionSettings } from '@/lib/suggest/suggestion-settings';
import { createTabConversations } from '../tab-conversations';
import type { HandlerDependencies } from './dependencies';
import { labelSuggestionHandlers } from './label-suggestions';

const fromPage = { sender: 'extension-page' as const };
const GROUPS: LabelGroup[] = [
  {
    id: 'interest',
    name: '兴趣',
    color: '#76A6F1',
    multipleChoice: true,
    labels: [
      { id: 'wine', name: '红酒', groupId: 'interest' },
      { id: 'digital', name: '数码产品', groupId: 'interest' },
    ],
  },
  { id: 'service', name: '售后', color: '#9B6DD6', multipleChoice: true, labels: [{ id: 'invoice', name: '开票需求', groupId: 'service' }] },
];

function setup(policy: ManagedPolicy = {}) {
  let conversation: Record<string, ConversationText[]> = {};
  let own: LabelSuggestionSettings = DEFAULT_SUGGESTION_SETTINGS;
  const listLabelGroups = vi.fn(async () => GROUPS);
  const conversations = createTabConversations({
    store: { getValue: async () => conversation, setValue: async (value) => void (conversation = value) },
    enabled: async () => own.enabled,
  });
  const deps = {
    session: { backend: async () => ({ listLabelGroups }), connectionKey: async () => 'sobot|x|y' },
    listCache: { get: (_key: string, load: () => Promise<unknown>) => load() },
    detect: detectContacts,
    conversations,
    labelSuggestions: { getValue: async () => own, setValue: async (value: LabelSuggestionSettings) => void (own = value) },
    policy: async () => ({ policy, ignored: [] }),
  } as unknown as HandlerDependencies;
  const visitorWrote = (tabId: number, ...texts: string[]) =>
    conversations.record(
      tabId,
      texts.map((text) => ({ text })),
      detectContacts,
      [],
    );
  const setOwn = (value: unknown) => void (own = value as LabelSuggestionSettings);
  return { handlers: labelSuggestionHandlers(deps), visitorWrote, conversation: () => conversation, listLabelGroups, setOwn };
}

describe('label suggestion handlers', () => {
  it('matches only the texts about the customer’s own contacts, in the forms the CRM stores them', async () => {
    const { handlers, visitorWrote } = setup();
    await visitorWrote(3, '我想订两箱红酒，电话 138 1234 5678', '另一位访客 139 0000 1111 要数码产品');
    const answer = await handlers['labelSuggestions.forTab']({ tabId: 3, contacts: ['13812345678'] }, fromPage);
    expect(answer).toEqual({ enabled: true, matches: [{ labelId: 'wine', groupId: 'interest', words: ['红酒'] }] });
    expect((await handlers['labelSuggestions.forTab']({ tabId: 4, contacts: ['13812345678'] }, fromPage)).matches).toEqual([]);
  });

  it('uses the synonyms the agent saved and those the admin set', async () => {
    const { handlers, visitorWrote } = setup({ labelSynonyms: { 数码产品: ['耳机'] } });
    await handlers['labelSuggestions.save']({ synonyms: { 开票需求: ['发票'] } }, fromPage);
    await visitorWrote(3, '耳机要开发票 a@b.co');
    const { matches } = await handlers['labelSuggestions.forTab']({ tabId: 3, contacts: ['A@b.co'] }, fromPage);
    expect(matches.map((match) => match.labelId).sort()).toEqual(['digital', 'invoice']);
  });

  it('suggests nothing, reads no labels and forgets every conversation once suggestions are off', async () => {
    const { handlers, visitorWrote, conversation, listLabelGroups } = setup();
    await visitorWrote(3, '红酒 13812345678');
    const view = await handlers['labelSuggestions.save']({ enabled: false }, fromPage);
    expect(view.effective.enabled).toBe(false);
    expect(conversation()).toEqual({});
    expect(await handlers['labelSuggestions.forTab']({ tabId: 3, contacts: ['13812345678'] }, fromPage)).toEqual({ enabled: false, matches: [] });
    expect(listLabelGroups).not.toHaveBeenCalled();
  });

  it('lets a policy turn suggestions off whatever the agent saved', async () => {
    const { handlers } = setup({ labelSuggestions: false });
    const view = await handlers['labelSuggestions.save']({ enabled: true }, fromPage);
    expect(view.own.enabled).toBe(true);
    expect(view.effective.enabled).toBe(false);
  });

  it('reads malformed saved settings as none rather than building the matcher from them', async () => {
    const { handlers, visitorWrote, setOwn } = setup();
    setOwn({ enabled: 'yes', synonyms: { 红酒: 'wine' } });
    await visitorWrote(3, 'wine 13812345678');
    const view = await handlers['labelSuggestions.settings']({}, fromPage);
    expect(view.own).toEqual({ enabled: true, synonyms: {} });
    expect((await handlers['labelSuggestions.forTab']({ tabId: 3, contacts: ['13812345678'] }, fromPage)).matches).toEqual([]);
  });
});
