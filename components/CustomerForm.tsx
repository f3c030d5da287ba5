// The create / edit customer form: only the fields the backend stores, then its custom fields. Problems
// show next to their field after the first save attempt, and focus goes to the first of them; the CRM's
// refusal shows above the buttons; nothing typed is cleared by an error. It takes focus as it opens; Escape leaves it (the draft is kept) and focus goes
// back to the button that opened it.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CustomerFieldName } from '@/lib/crm/backend';
import type { CustomerFormValues, FormOptions } from '@/lib/crm/customer-form';
import type { CustomerProblem, CustomerProblems } from '@/lib/crm/customer-validation';
import type { CrmStatus, CustomFieldDefinition } from '@/lib/crm/domain';
import { t } from '@/lib/i18n';
import { AgentSelect } from './AgentSelect';
import { CustomFieldInput } from './CustomFieldInput';
import { useFocusOnMount } from './focus-on-mount';
import { Notice } from './Notice';

interface CustomerFormProps {
  mode: 'create' | 'edit';
  values: CustomerFormValues;
  options: FormOptions;
  /** The customer's own fields the backend stores; the others are not offered. */
  fields: readonly CustomerFieldName[];
  customFields: CustomFieldDefinition[];
  problems: CustomerProblems;
  busy: boolean;
  error: string | undefined;
  onChange: (change: Partial<CustomerFormValues>) => void;
  onSubmit: () => void;
  onCancel: () => void;
  /** Escape: leave the form, keeping what was typed as a draft. */
  onDismiss: () => void;
}

/** The buttons that open the form, which it replaces on screen: focus returns to them. */
export const FORM_OPENER_IDS = { create: 'customer-form-open-create', edit: 'customer-form-open-edit' } as const;

const PROBLEM_KEYS: Record<CustomerProblem, Parameters<typeof t>[0]> = {
  required: 'problemRequired',
  tooLong: 'problemTooLong',
  badEmail: 'problemBadEmail',
  badPhone: 'problemBadPhone',
  ownerRequired: 'problemOwnerRequired',
  cascadeShort: 'problemCascadeShort',
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
  const stores = (field: CustomerFieldName) => props.fields.includes(field);
  const form = useFocusOnMount<HTMLFormElement>({
    focus: (element) => element.querySelector<HTMLElement>('input, select, textarea'),
    returnTo: () => document.getElementById(FORM_OPENER_IDS[props.mode]),
  });
  // Counted, so a second failed attempt with the same problems moves focus again.
  const [attempts, setAttempts] = useState(0);
  useEffect(() => {
    if (attempts === 0) return;
    // The first problem takes focus and comes into view, out of "More fields" if it is folded there.
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.closest('details')?.setAttribute('open', '');
    first?.scrollIntoView({ block: 'center' });
    first?.focus({ preventScroll: true });
  }, [attempts]);
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
      {stores('crmStatus') && (
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
      )}
      {stores('liableAgent') && (
        <Field id="customer-owner" label={t('liableAgent')} problem={problems.liableAgent}>
          <AgentSelect
            id="customer-owner"
            agents={options.agents}
            value={values.liableAgentId}
            aria-invalid={Boolean(problems.liableAgent)}
            aria-describedby={problems.liableAgent ? 'customer-owner-problem' : undefined}
            onChoose={(liableAgentId) => onChange({ liableAgentId })}
          />
        </Field>
      )}
    </>
  );
  // A quick create asks for who they are and how to reach them; the rest waits behind "More fields".
  const quick = props.mode === 'create';
  // The owner comes up front only once the status asks for one and none is chosen.
  const needsOwner = Boolean(problems.liableAgent);
  const moreHasProblem = Object.keys(problems).some(
    (key) => key !== 'nick' && key !== 'realName' && key !== 'phone' && key !== 'email' && key !== 'liableAgent',
  );
  return (
    <form
      ref={form}
      class="card customer-form"
      aria-label={props.mode === 'create' ? t('createCustomer') : t('editCustomer')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
        setAttempts((count) => count + 1);
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        props.onDismiss();
      }}
    >
      <h2 class="card__title">{props.mode === 'create' ? t('createCustomer') : t('editCustomer')}</h2>
      {text('nick', t('nick'))}
      {stores('realName') && text('realName', t('realName'))}
      {stores('phone') && text('phone', t('kindPhone'), 'tel')}
      {stores('email') && text('email', t('kindEmail'), 'email')}
      {(quick ? needsOwner : true) && statusAndOwner}
      <details class="more-fields" open={!quick || moreHasProblem}>
        <summary>{t('moreFields')}</summary>
        {quick && !needsOwner && statusAndOwner}
        {stores('company') && text('company', t('company'))}
        {stores('vip') && (
          <label class="checkbox">
            <input type="checkbox" checked={values.vip} onChange={(event) => onChange({ vip: event.currentTarget.checked })} />
            {t('vip')}
          </label>
        )}
        {stores('region') && (
          <div class="region-pickers">
            {regionSelect('provinceId', t('province'), options.provinces, false)}
            {regionSelect('cityId', t('city'), options.cities, !values.provinceId)}
            {regionSelect('districtId', t('district'), options.districts, !values.cityId)}
          </div>
        )}
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
