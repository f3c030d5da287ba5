// The create / edit customer form. Problems show next to their field after the first save attempt;
// the CRM's refusal shows above the buttons; nothing typed is cleared by an error.
import type { ComponentChildren } from 'preact';
import type { CustomerFormValues, FormOptions } from '@/lib/crm/customer-form';
import type { CustomerProblem, CustomerProblems } from '@/lib/crm/customer-validation';
import type { CrmStatus, CustomFieldDefinition } from '@/lib/crm/domain';
import { t } from '@/lib/i18n';
import { CustomFieldInput } from './CustomFieldInput';
import { Notice } from './Notice';

interface CustomerFormProps {
  mode: 'create' | 'edit';
  values: CustomerFormValues;
  options: FormOptions;
  customFields: CustomFieldDefinition[];
  problems: CustomerProblems;
  busy: boolean;
  error: string | undefined;
  onChange: (change: Partial<CustomerFormValues>) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

const PROBLEM_KEYS: Record<CustomerProblem, Parameters<typeof t>[0]> = {
  required: 'problemRequired',
  tooLong: 'problemTooLong',
  badEmail: 'problemBadEmail',
  badPhone: 'problemBadPhone',
  ownerRequired: 'problemOwnerRequired',
};

const STATUSES: { value: CrmStatus; key: Parameters<typeof t>[0] }[] = [
  { value: 'first-contact', key: 'statusFirstContact' },
  { value: 'unassigned', key: 'statusUnassigned' },
  { value: 'following', key: 'statusFollowing' },
  { value: 'public-pool', key: 'statusPublicPool' },
];

function Field({ id, label, problem, children }: { id: string; label: string; problem?: CustomerProblem; children: ComponentChildren }) {
  return (
    <div class="field">
      <label id={`${id}-label`} for={id}>
        {label}
      </label>
      {children}
      {problem && (
        <p id={`${id}-problem`} class="field__error">
          {t(PROBLEM_KEYS[problem])}
        </p>
      )}
    </div>
  );
}

export function CustomerForm(props: CustomerFormProps) {
  const { values, options, problems, onChange } = props;
  const text = (key: 'nick' | 'realName' | 'phone' | 'email' | 'company', label: string, inputMode: 'text' | 'tel' | 'email' = 'text') => (
    <Field id={`customer-${key}`} label={label} problem={problems[key]}>
      <input
        id={`customer-${key}`}
        type="text"
        inputMode={inputMode}
        value={values[key]}
        maxLength={key === 'company' ? 100 : key === 'email' ? 120 : 50}
        aria-invalid={Boolean(problems[key])}
        aria-describedby={problems[key] ? `customer-${key}-problem` : undefined}
        onInput={(event) => onChange({ [key]: event.currentTarget.value })}
      />
    </Field>
  );
  const regionSelect = (key: 'provinceId' | 'cityId' | 'districtId', label: string, list: { id: string; name: string }[], disabled: boolean) => (
    <Field id={`customer-${key}`} label={label}>
      <select id={`customer-${key}`} value={values[key]} disabled={disabled} onChange={(event) => onChange({ [key]: event.currentTarget.value })}>
        <option value="">{t('notChosen')}</option>
        {list.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </Field>
  );
  const statusAndOwner = (
    <>
      <Field id="customer-status" label={t('crmStatus')}>
        <select id="customer-status" value={values.crmStatus} onChange={(event) => onChange({ crmStatus: event.currentTarget.value as CrmStatus | '' })}>
          <option value="">{t('notChosen')}</option>
          {STATUSES.map((status) => (
            <option key={status.value} value={status.value}>
              {t(status.key)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="customer-owner" label={t('liableAgent')} problem={problems.liableAgent}>
        <select
          id="customer-owner"
          value={values.liableAgentId}
          aria-invalid={Boolean(problems.liableAgent)}
          aria-describedby={problems.liableAgent ? 'customer-owner-problem' : undefined}
          onChange={(event) => onChange({ liableAgentId: event.currentTarget.value })}
        >
          <option value="">{t('notChosen')}</option>
          {options.agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
  // A quick create asks for who they are and how to reach them; the rest waits behind "More fields".
  const quick = props.mode === 'create';
  // The owner comes up front only once the status asks for one and none is chosen.
  const needsOwner = Boolean(problems.liableAgent);
  const moreHasProblem = Object.keys(problems).some((key) => key !== 'nick' && key !== 'realName' && key !== 'phone' && key !== 'email' && key !== 'liableAgent');
  return (
    <form
      class="card customer-form"
      aria-label={props.mode === 'create' ? t('createCustomer') : t('editCustomer')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        props.onSubmit();
        // After the re-render that marks the problems: the first one takes focus and comes into view.
        requestAnimationFrame(() => {
          const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
          first?.closest('details')?.setAttribute('open', '');
          first?.scrollIntoView({ block: 'center' });
          first?.focus({ preventScroll: true });
        });
      }}
    >
      <h2 class="card__title">{props.mode === 'create' ? t('createCustomer') : t('editCustomer')}</h2>
      {text('nick', t('nick'))}
      {text('realName', t('realName'))}
      {text('phone', t('kindPhone'), 'tel')}
      {text('email', t('kindEmail'), 'email')}
      {(quick ? needsOwner : true) && statusAndOwner}
      <details class="more-fields" open={!quick || moreHasProblem}>
        <summary>{t('moreFields')}</summary>
      {quick && !needsOwner && statusAndOwner}
      {text('company', t('company'))}
      <label class="checkbox">
        <input type="checkbox" checked={values.vip} onChange={(event) => onChange({ vip: event.currentTarget.checked })} />
        {t('vip')}
      </label>
      <div class="region-pickers">
        {regionSelect('provinceId', t('province'), options.provinces, false)}
        {regionSelect('cityId', t('city'), options.cities, !values.provinceId)}
        {regionSelect('districtId', t('district'), options.districts, !values.cityId)}
      </div>
      {props.customFields.map((field) => {
        const problem = problems[`field:${field.id}`];
        return (
          <Field key={field.id} id={`field-${field.id}`} label={field.required ? `${field.name} *` : field.name} problem={problem}>
            <CustomFieldInput
              field={field}
              value={values.custom[field.id] ?? ''}
              invalid={Boolean(problem)}
              describedBy={problem ? `field-${field.id}-problem` : undefined}
              onChange={(value) => onChange({ custom: { ...values.custom, [field.id]: value } })}
            />
          </Field>
        );
      })}
      </details>
      {props.error && <Notice tone="error" title={t('saveFailed')} detail={props.error} />}
      <div class="form__actions">
        <button type="submit" class="button button--primary" disabled={props.busy}>
          {props.busy ? t('saving') : props.mode === 'create' ? t('createCustomer') : t('save')}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
