// Who the visitor is: names, contacts with copy buttons, VIP, status, owner, labels and stage. Everything
// from the CRM is rendered as text.
import type { CrmStatus } from '@/lib/crm/domain';
import { formatTime } from '@/lib/format';
import { t } from '@/lib/i18n';
import type { ComponentChildren } from 'preact';
import type { CustomerCard as Card, ReferenceData } from '@/lib/messaging/protocol';
import { FORM_OPENER_IDS } from './CustomerForm';
import { CustomFieldList } from './CustomFieldList';
import { CopyButton } from './CopyButton';
import { LabelChip } from './LabelChip';

export type StageView = { status: 'loading' } | { status: 'loaded'; name: string | undefined } | { status: 'error'; message: string };

interface CustomerCardProps {
  card: Card;
  /** Undefined when the backend has no stages. */
  stage: StageView | undefined;
  /** Names for source codes and custom fields; the card shows without them. */
  reference: ReferenceData | undefined;
  /** A cached card is on screen while the CRM is asked again. */
  revalidating?: boolean;
  onRetryStage: () => void;
  onEdit: () => void;
  /** The label editor's toggle; undefined when the backend has no labels, and then no label section shows. */
  labelEditor?: { open: boolean; controls: string; onToggle: () => void };
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const STATUS_KEYS: Record<CrmStatus, Parameters<typeof t>[0]> = {
  'first-contact': 'statusFirstContact',
  unassigned: 'statusUnassigned',
  following: 'statusFollowing',
  'public-pool': 'statusPublicPool',
};

function StageLine({ stage, onRetry }: { stage: StageView | undefined; onRetry: () => void }) {
  if (!stage || stage.status === 'loading') return <span class="muted">{t('stageLoading')}</span>;
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
  return <span class={stage.name ? 'stage' : 'muted'}>{stage.name ?? t('stageNone')}</span>;
}

export function CustomerCard({ card, stage, reference, revalidating, onRetryStage, onEdit, labelEditor }: CustomerCardProps) {
  const { customer, labels } = card;
  const title = customer.nick || customer.realName || t('unnamedCustomer');
  const source = customer.sourceCode && (reference?.sources.find((entry) => entry.code === customer.sourceCode)?.name ?? customer.sourceCode);
  const region = [customer.region.provinceName, customer.region.cityName, customer.region.districtName].filter(Boolean).join(' ');
  return (
    <article class="card" aria-labelledby={`customer-${customer.id}`} aria-busy={revalidating}>
      <header class="card__header">
        <h2 id={`customer-${customer.id}`} class="card__title">
          {title}
        </h2>
        {customer.vip && <span class="badge badge--vip">{customer.vipLevel || t('vip')}</span>}
        {customer.crmStatus && <span class="badge">{t(STATUS_KEYS[customer.crmStatus])}</span>}
        {revalidating && <span class="card__refreshing">{t('refreshing')}</span>}
      </header>
      {(customer.realName && customer.realName !== title) || customer.company ? (
        <p class="card__subtitle">{[customer.realName !== title ? customer.realName : undefined, customer.company].filter(Boolean).join(' · ')}</p>
      ) : null}
      <dl class="facts">
        {customer.phones.map((phone) => (
          <div class="fact" key={`tel-${phone}`}>
            <dt>{t('kindPhone')}</dt>
            <dd>
              <span class="fact__value">{phone}</span>
              <CopyButton value={phone} label={phone} />
            </dd>
          </div>
        ))}
        {customer.emails.map((email) => (
          <div class="fact" key={`email-${email}`}>
            <dt>{t('kindEmail')}</dt>
            <dd>
              <span class="fact__value">{email}</span>
              <CopyButton value={email} label={email} />
            </dd>
          </div>
        ))}
        {stage && (
          <div class="fact">
            <dt>{t('stage')}</dt>
            <dd>
              <StageLine stage={stage} onRetry={onRetryStage} />
            </dd>
          </div>
        )}
        {customer.liableAgent?.name && <Fact label={t('liableAgent')}>{customer.liableAgent.name}</Fact>}
        {source && <Fact label={t('source')}>{source}</Fact>}
        {region && <Fact label={t('region')}>{region}</Fact>}
        {customer.createdAt && <Fact label={t('createdAt')}>{formatTime(customer.createdAt)}</Fact>}
        {customer.updatedAt && <Fact label={t('updatedAt')}>{formatTime(customer.updatedAt)}</Fact>}
      </dl>
      {/* A backend without labels has no label section: "No labels yet" would suggest it could have some. */}
      {labelEditor && (
        <section aria-label={t('labels')}>
          {labels.length > 0 ? (
            <ul class="chips">
              {labels.map((label) => (
                <LabelChip key={label.id} label={label} />
              ))}
            </ul>
          ) : (
            <p class="muted">{t('noLabels')}</p>
          )}
          <button type="button" class="link-button card__labels-edit" aria-expanded={labelEditor.open} aria-controls={labelEditor.controls} onClick={labelEditor.onToggle}>
            {t('labelsEdit')}
          </button>
        </section>
      )}
      {reference && reference.customFields.length > 0 && <CustomFieldList definitions={reference.customFields} values={customer.customFields} />}
      <div class="card__actions">
        <button type="button" id={FORM_OPENER_IDS.edit} class="button" onClick={onEdit}>
          {t('edit')}
        </button>
      </div>
    </article>
  );
}
