// The rest of the customer record, folded under the three jobs: every phone and email with copy buttons,
// real name, source, region, created and updated, the custom fields, "Edit" and what the caller puts in
// (ownership actions). Closed by default; a summary line says what is inside. Rendered as text.
import type { ComponentChildren } from 'preact';
import { displayFields } from '@/lib/crm/custom-fields';
import { formatPhone, formatTime } from '@/lib/format';
import { t } from '@/lib/i18n';
import type { CustomerCard as Card, CardVocabulary } from '@/lib/crm/views';
import { CopyButton } from './CopyButton';
import { FORM_OPENER_IDS } from './CustomerForm';

interface CustomerDetailsProps {
  card: Card;
  /** Names for source codes and custom fields; the details show without them. */
  reference: CardVocabulary | undefined;
  onEdit: () => void;
  children?: ComponentChildren;
}

function Fact({ label, children, multiline }: { label: string; children: ComponentChildren; multiline?: boolean }) {
  return (
    <div class="fact">
      <dt title={label}>{label}</dt>
      <dd class={multiline ? 'fact--multiline' : undefined}>{children}</dd>
    </div>
  );
}

export function CustomerDetails({ card, reference, onEdit, children }: CustomerDetailsProps) {
  const { customer } = card;
  const source = customer.sourceCode && (reference?.sources.find((entry) => entry.code === customer.sourceCode)?.name ?? customer.sourceCode);
  const region = [customer.region.provinceName, customer.region.cityName, customer.region.districtName].filter(Boolean).join(' ');
  // Unset custom fields say nothing about the customer: only filled ones are listed.
  const fields = reference ? displayFields(reference.customFields, customer.customFields).filter((field) => field.text) : [];
  return (
    <details class="panel-section details">
      <summary class="details__summary">
        <span class="panel-section__title">{t('customerDetails')}</span>
        <span class="details__hint">{t('customerDetailsHint', String(fields.length))}</span>
      </summary>
      <dl class="facts">
        {customer.realName && customer.realName !== customer.nick && <Fact label={t('realName')}>{customer.realName}</Fact>}
        {customer.phones.map((phone) => (
          <Fact key={`tel-${phone}`} label={t('kindPhone')}>
            <span class="fact__value">{formatPhone(phone)}</span>
            <CopyButton value={phone} label={formatPhone(phone)} />
          </Fact>
        ))}
        {customer.emails.map((email) => (
          <Fact key={`email-${email}`} label={t('kindEmail')}>
            <span class="fact__value">{email}</span>
            <CopyButton value={email} label={email} />
          </Fact>
        ))}
        {source && <Fact label={t('source')}>{source}</Fact>}
        {region && <Fact label={t('region')}>{region}</Fact>}
        {customer.createdAt && <Fact label={t('createdAt')}>{formatTime(customer.createdAt)}</Fact>}
        {customer.updatedAt && <Fact label={t('updatedAt')}>{formatTime(customer.updatedAt)}</Fact>}
        {fields.map((field) => (
          <Fact key={field.id} label={field.name} multiline={field.type === 'textarea'}>
            {field.text}
          </Fact>
        ))}
      </dl>
      <div class="card__actions">
        <button type="button" id={FORM_OPENER_IDS.edit} class="button" onClick={onEdit}>
          {t('edit')}
        </button>
      </div>
      {children}
    </details>
  );
}
