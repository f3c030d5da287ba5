// Who the visitor is, in the few lines an agent reads between two chat messages: name, VIP and status;
// phone, company, owner and current stage; the newest follow-up note; then the labels row. The rest of
// the record is in CustomerDetails. Everything from the CRM is rendered as text.
import type { ComponentChildren } from 'preact';
import type { CrmStatus } from '@/lib/crm/domain';
import { formatPhone } from '@/lib/format';
import { t } from '@/lib/i18n';
import type { CustomerCard as Card } from '@/lib/crm/views';
import { CopyButton } from './CopyButton';
import { LabelChip } from './LabelChip';
import { textOf, viewOf, type Sentence } from './sentence';

export type StageView = { status: 'loading' } | { status: 'loaded'; name: string | undefined } | { status: 'error'; message: string };

/** The newest follow-up note, in words: who, when, what. */
export interface NoteLine {
  who: string;
  when: string;
  text: string;
}

interface CustomerCardProps {
  card: Card;
  /** Undefined when the backend has no stages. */
  stage: StageView | undefined;
  latestNote?: NoteLine;
  /** A cached card is on screen while the CRM is asked again. */
  revalidating?: boolean;
  /** "Updated 2 min. ago by 王斌": when, and by whom, the CRM last saw the customer change. */
  updated?: string | Sentence;
  onRetryStage: () => void;
  /** The label editor's toggle; undefined when the backend has no labels. */
  labelEditor?: { open: boolean; controls: string; onToggle: () => void };
  /** The open label editor, shown in place of the chips so they never move under the pointer. */
  children?: ComponentChildren;
  /** Beside the editor's toggle while it is open: "Reading the latest labels…" or why that failed. */
  editorNote?: string;
  /** The suggested labels' row, above the chips; undefined when suggestions are off. */
  suggestions?: ComponentChildren;
}

const STATUS_KEYS: Record<CrmStatus, Parameters<typeof t>[0]> = {
  'first-contact': 'statusFirstContact',
  unassigned: 'statusUnassigned',
  following: 'statusFollowing',
  'public-pool': 'statusPublicPool',
};

function StageFact({ stage, onRetry }: { stage: StageView; onRetry: () => void }) {
  if (stage.status === 'loading') return <span class="muted">{t('stageLoading')}</span>;
  if (stage.status === 'error') {
    return (
      <span class="inline-error">
        {stage.message}{' '}
        <button type="button" class="link-button" onClick={onRetry}>
          {t('retry')}
        </button>
      </span>
    );
  }
  return <span class={stage.name ? 'card__stage' : 'muted'}>{stage.name ?? t('stageNone')}</span>;
}

export function CustomerCard({
  card,
  stage,
  latestNote,
  revalidating,
  updated,
  onRetryStage,
  labelEditor,
  children,
  editorNote,
  suggestions,
}: CustomerCardProps) {
  const { customer, labels } = card;
  const title = customer.nick || customer.realName || t('unnamedCustomer');
  const phone = customer.phones[0];
  const email = phone ? undefined : customer.emails[0];
  const editorOpen = Boolean(labelEditor?.open);
  return (
    <article class="card" aria-labelledby={`customer-${customer.id}`} aria-busy={revalidating}>
      <header class="card__header">
        <h2 id={`customer-${customer.id}`} class="card__title">
          {title}
        </h2>
        {customer.vip && <span class="badge badge--vip">{customer.vipLevel || t('vip')}</span>}
        {customer.crmStatus && <span class="badge">{t(STATUS_KEYS[customer.crmStatus])}</span>}
        {/* The rest of the name's line, cut short rather than wrapped: a newer version, or the check under
            way, changes its words and never moves the jobs below. */}
        {(revalidating || updated) && (
          <span class="card__updated" title={revalidating || !updated ? undefined : textOf(updated)}>
            {revalidating || !updated ? t('refreshing') : viewOf(updated)}
          </span>
        )}
      </header>
      <dl class="card__facts">
        {phone && (
          <div class="card__fact">
            <dt class="visually-hidden">{t('kindPhone')}</dt>
            <dd>
              <span class="card__contact">{formatPhone(phone)}</span>
              <CopyButton value={phone} label={formatPhone(phone)} />
            </dd>
          </div>
        )}
        {email && (
          <div class="card__fact">
            <dt class="visually-hidden">{t('kindEmail')}</dt>
            <dd>
              <span class="card__contact">{email}</span>
              <CopyButton value={email} label={email} />
            </dd>
          </div>
        )}
        {customer.company && (
          <div class="card__fact card__fact--company">
            <dt class="visually-hidden">{t('company')}</dt>
            <dd>{customer.company}</dd>
          </div>
        )}
        {customer.liableAgent?.name && (
          <div class="card__fact">
            <dt>{t('liableAgent')}</dt>
            <dd>{customer.liableAgent.name}</dd>
          </div>
        )}
        {stage && (
          <div class="card__fact">
            <dt>{t('stage')}</dt>
            <dd>
              <StageFact stage={stage} onRetry={onRetryStage} />
            </dd>
          </div>
        )}
      </dl>
      {latestNote && (
        <p class="card__note" title={latestNote.text}>
          <span class="visually-hidden">{t('latestNote')}</span>
          <span class="card__note-who">{latestNote.who}</span>
          <span class="card__note-when">{latestNote.when}</span>
          <span class="card__note-text">{latestNote.text}</span>
        </p>
      )}
      {/* A backend without labels has no label section: "No labels yet" would suggest it could have some. */}
      {labelEditor && (
        <section class={`card__labels ${editorOpen ? 'card__labels--editing' : ''} ${suggestions ? 'card__labels--suggesting' : ''}`} aria-label={t('labels')}>
          {suggestions}
          <button
            type="button"
            class="chip-button card__labels-edit"
            aria-expanded={labelEditor.open}
            aria-controls={labelEditor.controls}
            aria-keyshortcuts="L"
            onClick={labelEditor.onToggle}
          >
            {t('labelsEdit')}
          </button>
          {editorOpen ? (
            <>
              <p class="muted card__labels-note" role="status">
                {editorNote}
              </p>
              {children}
            </>
          ) : labels.length > 0 ? (
            <ul class="chips">
              {labels.map((label) => (
                <LabelChip key={label.id} label={label} />
              ))}
            </ul>
          ) : (
            <p class="muted card__no-labels">{t('noLabels')}</p>
          )}
        </section>
      )}
    </article>
  );
}
