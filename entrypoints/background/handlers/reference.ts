// The handler for reference.get: the CRM's lists the panel names a card's parts with (label groups,
// stages, custom fields, sources), read through the CRM list cache. Label groups carry each label's
// pinyin spelling, so the panel filters by pinyin without carrying the dictionary.
import { withSpellings } from '@/lib/crm/label-spelling';
import type { MessagesIn } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/server';
import { crmLists } from '../crm-lists';
import type { HandlerDependencies } from './dependencies';

export function referenceHandlers(deps: HandlerDependencies): Pick<Handlers, MessagesIn<'reference'>> {
  const lists = crmLists(deps);
  return {
    async 'reference.get'() {
      const [labelGroups, stages, customFields, sources] = await Promise.all([lists.labelGroups(), lists.stages(), lists.customFields(), lists.sources()]);
      return { labelGroups: withSpellings(labelGroups), stages, customFields, sources };
    },
  };
}
