// The one list of the CRM's agents to choose from, "Not chosen" first: the customer form's owner and the
// ownership actions' "Assign to…" both use it.
import type { Ref } from 'preact';
import type { AgentRef } from '@/lib/crm/domain';
import { t } from '@/lib/i18n';

export interface AgentSelectProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  onKeyDown?: (event: KeyboardEvent) => void;
  agents: AgentRef[];
  /** The chosen agent's id; '' or undefined for none. */
  value?: string;
  /** The id chosen, '' for "Not chosen". */
  onChoose: (agentId: string) => void;
  selectRef?: Ref<HTMLSelectElement>;
}

export function AgentSelect({ agents, value, onChoose, selectRef, ...attributes }: AgentSelectProps) {
  return (
    <select {...attributes} ref={selectRef} value={value} onChange={(event) => onChoose(event.currentTarget.value)}>
      <option value="">{t('notChosen')}</option>
      {agents.map((agent) => (
        <option key={agent.id} value={agent.id}>
          {agent.name}
        </option>
      ))}
    </select>
  );
}
