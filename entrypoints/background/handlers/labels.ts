// The handler for the CRM's labels (label.*): create one in a group, then forget the cached label
// groups so the next read names it.
import { CrmError } from '@/lib/crm/errors';
import type { MessagesIn } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/server';
import { crmLists } from '../crm-lists';
import type { HandlerDependencies } from './dependencies';

export function labelHandlers(deps: HandlerDependencies): Pick<Handlers, MessagesIn<'label'>> {
  const lists = crmLists(deps);
  return {
    async 'label.create'({ groupId, name }) {
      const backend = await deps.session.backend();
      if (!backend.createLabel) throw new CrmError('invalid-input', 'This CRM does not support creating labels.');
      const label = await backend.createLabel(groupId, name);
      await lists.forget('labelGroups');
      return label;
    },
  };
}
