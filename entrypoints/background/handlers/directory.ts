// Handlers for the directories the customer form and the options page pick from (directory.*): the
// CRM's agents, and provinces, a province's cities or a city's districts, read through the CRM list cache.
import { CrmError } from '@/lib/crm/errors';
import type { MessagesIn } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/server';
import { crmLists } from '../crm-lists';
import type { HandlerDependencies } from './dependencies';

export function directoryHandlers(deps: HandlerDependencies): Pick<Handlers, MessagesIn<'directory'>> {
  const lists = crmLists(deps);
  return {
    'directory.agents': () => lists.agents(),

    async 'directory.regions'({ level, parentId }) {
      if (level !== 'province' && !parentId) throw new CrmError('invalid-input', `A ${level} list needs its parent id.`);
      return lists.regions(level, parentId);
    },
  };
}
