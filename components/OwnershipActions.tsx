// The ownership buttons under the card, the confirmation they ask for and the result they report.
import type { AgentRef } from '@/lib/crm/domain';
import { describeError, t } from '@/lib/i18n';
import { ConfirmPrompt } from './ConfirmPrompt';
import { sentence } from './sentence';
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
  result: { ok: true; action: PendingOwnership } | { ok: false; code: Parameters<typeof describeError>[0]; message: string } | undefined;
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
      pending.kind === 'assign' ? sentence('confirmAssign', [props.customerName, pending.agent.name]) : sentence('confirmReturnToPool', props.customerName);
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
          {result.action.kind === 'assign' ? sentence('assigned', result.action.agent.name).view : t('returnedToPool')}
        </p>
      )}
      {result && !result.ok && <Notice tone="error" title={t('ownershipFailed')} detail={`${describeError(result.code)} ${result.message}`} />}
    </div>
  );
}
