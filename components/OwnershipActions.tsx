// The ownership buttons under the card, the confirmation they ask for and the result they report.
import type { AgentRef } from '@/lib/crm/domain';
import { t } from '@/lib/i18n';
import { CrmText } from './CrmText';
import { ConfirmPrompt } from './ConfirmPrompt';
import { Notice } from './Notice';

export type PendingOwnership = { kind: 'assign'; agent: AgentRef } | { kind: 'return' };

interface OwnershipActionsProps {
  customerName: string;
  myAgent: AgentRef | undefined;
  inPublicPool: boolean;
  pending: PendingOwnership | undefined;
  pickerOpen: boolean;
  agents: AgentRef[];
  busy: boolean;
  /** A failure comes in the agent's words, with the CRM's own kept for "details". */
  result: { ok: true; action: PendingOwnership } | { ok: false; reason: string; error: { crmCode?: string; message: string } } | undefined;
  onAsk: (action: PendingOwnership) => void;
  onOpenPicker: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  onOpenSettings: () => void;
}

export function OwnershipActions(props: OwnershipActionsProps) {
  const { pending, result } = props;
  if (pending) {
    const question =
      pending.kind === 'assign' ? t('confirmAssign', [props.customerName, pending.agent.name]) : t('confirmReturnToPool', props.customerName);
    return <ConfirmPrompt question={question} busy={props.busy} onConfirm={props.onConfirm} onCancel={props.onCancel} />;
  }
  return (
    <div class="ownership">
      <div class="card__actions">
        <button
          type="button"
          class="button"
          onClick={() => (props.myAgent ? props.onAsk({ kind: 'assign', agent: props.myAgent }) : props.onOpenSettings())}
          title={props.myAgent ? undefined : t('setMyAgentFirst')}
        >
          {t('assignToMe')}
        </button>
        <button type="button" class="button" onClick={props.onOpenPicker} aria-expanded={props.pickerOpen}>
          {t('assignTo')}
        </button>
        {!props.inPublicPool && (
          <button type="button" class="button" onClick={() => props.onAsk({ kind: 'return' })}>
            {t('returnToPool')}
          </button>
        )}
      </div>
      {props.pickerOpen && (
        <label class="field">
          <span>{t('chooseAgent')}</span>
          <select
            onChange={(event) => {
              const agent = props.agents.find((candidate) => candidate.id === event.currentTarget.value);
              if (agent) props.onAsk({ kind: 'assign', agent });
            }}
          >
            <option value="">{t('notChosen')}</option>
            {props.agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {!props.myAgent && <p class="field__hint">{t('setMyAgentFirst')}</p>}
      {result?.ok && (
        <p class="ownership__result" role="status">
          {result.action.kind === 'assign' ? t('assigned', result.action.agent.name) : t('returnedToPool')}
        </p>
      )}
      {result && !result.ok && <Notice tone="error" title={t('ownershipFailed')} detail={result.reason} more={<CrmText error={result.error} />} />}
    </div>
  );
}
