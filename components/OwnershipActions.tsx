// The ownership buttons under the card, the confirmation they ask for and the result they report.
import type { AgentRef } from '@/lib/crm/domain';
import { t } from '@/lib/i18n';
import { AgentSelect } from './AgentSelect';
import { CrmText } from './CrmText';
import { ConfirmPrompt } from './ConfirmPrompt';
import { useFocusOnMount } from './focus-on-mount';
import { sentence } from './sentence';
import { Notice } from './Notice';

type PendingOwnership = { kind: 'assign'; agent: AgentRef } | { kind: 'return' };

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

// The buttons are replaced by the question while it is asked: focus comes back to the one that asked.
const BUTTON_IDS = { assignToMe: 'ownership-assign-to-me', assignTo: 'ownership-assign-to', returnToPool: 'ownership-return-to-pool' };

function askedBy(pending: PendingOwnership, myAgent: AgentRef | undefined): string {
  if (pending.kind === 'return') return BUTTON_IDS.returnToPool;
  return pending.agent.id === myAgent?.id ? BUTTON_IDS.assignToMe : BUTTON_IDS.assignTo;
}

/** The agents to assign to: takes focus as it opens; Escape closes it, focus back on "Assign to…". */
function AgentPicker({ agents, onAsk, onCancel }: Pick<OwnershipActionsProps, 'agents' | 'onAsk' | 'onCancel'>) {
  const picker = useFocusOnMount<HTMLSelectElement>();
  return (
    <label class="field">
      <span>{t('chooseAgent')}</span>
      <AgentSelect
        selectRef={picker}
        agents={agents}
        onKeyDown={(event) => event.key === 'Escape' && onCancel()}
        onChoose={(agentId) => {
          const agent = agents.find((candidate) => candidate.id === agentId);
          if (agent) onAsk({ kind: 'assign', agent });
        }}
      />
    </label>
  );
}

export function OwnershipActions(props: OwnershipActionsProps) {
  const { pending, result } = props;
  if (pending) {
    const question =
      pending.kind === 'assign' ? sentence('confirmAssign', [props.customerName, pending.agent.name]) : sentence('confirmReturnToPool', props.customerName);
    const opener = askedBy(pending, props.myAgent);
    return (
      <ConfirmPrompt
        question={question}
        busy={props.busy}
        onConfirm={props.onConfirm}
        onCancel={props.onCancel}
        returnTo={() => document.getElementById(opener)}
      />
    );
  }
  return (
    <div class="ownership">
      <div class="card__actions">
        <button
          type="button"
          id={BUTTON_IDS.assignToMe}
          class="button"
          onClick={() => (props.myAgent ? props.onAsk({ kind: 'assign', agent: props.myAgent }) : props.onOpenSettings())}
          title={props.myAgent ? undefined : t('setMyAgentFirst')}
        >
          {t('assignToMe')}
        </button>
        <button type="button" id={BUTTON_IDS.assignTo} class="button" onClick={props.onOpenPicker} aria-expanded={props.pickerOpen}>
          {t('assignTo')}
        </button>
        {!props.inPublicPool && (
          <button type="button" id={BUTTON_IDS.returnToPool} class="button" onClick={() => props.onAsk({ kind: 'return' })}>
            {t('returnToPool')}
          </button>
        )}
      </div>
      {props.pickerOpen && <AgentPicker agents={props.agents} onAsk={props.onAsk} onCancel={props.onCancel} />}
      {!props.myAgent && <p class="field__hint">{t('setMyAgentFirst')}</p>}
      {result?.ok && (
        <p class="ownership__result">{result.action.kind === 'assign' ? sentence('assigned', result.action.agent.name).view : t('returnedToPool')}</p>
      )}
      {result && !result.ok && <Notice tone="error" live={false} title={t('ownershipFailed')} detail={result.reason} more={<CrmText error={result.error} />} />}
    </div>
  );
}
