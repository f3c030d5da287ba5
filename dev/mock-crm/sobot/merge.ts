// Merging two customers, as the CRM's own UI does (document section 4.3): the kept record takes the
// merged one's phones, emails, labels and timeline, and the merged id stops existing, so reading it
// answers no item and writing to it answers 客户不存在. Only the control API imports it.
import { markUpdated, type CustomerRecord, type SobotState } from './state';
import { recordFieldsChanged, type Operator } from './timeline';

const joined = (...lists: (string | undefined)[]) =>
  [
    ...new Set(
      lists
        .flatMap((list) => (list ?? '').split(','))
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ].join(',') || undefined;

export function mergeCustomers(state: SobotState, kept: CustomerRecord, merged: CustomerRecord, atMs: number, operator: Operator) {
  kept.tel = joined(kept.tel, merged.tel);
  kept.email = joined(kept.email, merged.email);
  kept.labelIds = [...new Set([...kept.labelIds, ...merged.labelIds])];
  const history = (state.dynamics.get(merged.id) ?? []).map((entry) => ({ ...entry, userid: kept.id }));
  state.dynamics.set(kept.id, [...(state.dynamics.get(kept.id) ?? []), ...history]);
  state.dynamics.delete(merged.id);
  state.customers.delete(merged.id);
  recordFieldsChanged(state, kept.id, { atMs }, operator, [{ field: 'mergedUserid', name: '合并客户', value: merged.nick, oldValue: null }]);
  markUpdated(kept, atMs, operator);
}
