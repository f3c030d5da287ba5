// The create / edit customer form: its values (a draft that survives closing the panel), the pickers'
// options, validation shown after the first attempt, and the save that puts the result on the card.
import { computed, signal } from '@preact/signals';
import { EMPTY_FORM, formFromCustomer, inputFromForm, onlyStoredFields, type CustomerFormValues, type FormOptions } from '@/lib/crm/customer-form';
import { validateCustomer } from '@/lib/crm/customer-validation';
import type { Customer } from '@/lib/crm/domain';
import { formatContact } from '@/lib/format';
import { toRequestError, type Client, type RequestError } from '@/lib/messaging/client';
import type { TabContact } from '@/lib/contacts/tab-contacts';
import { ownedModel } from '@/lib/signals/owned-model';
import { formDraftItem } from '@/lib/storage';
import type { LookupModel } from './lookup';
import type { ReferenceModel } from './reference';
import type { SettingsModel } from './settings';

export type FormMode = { kind: 'create' } | { kind: 'edit'; customerId: string; original: CustomerFormValues };

const draftKey = (mode: FormMode) => (mode.kind === 'create' ? 'create' : `edit:${mode.customerId}`);

type Drafts = Awaited<ReturnType<typeof formDraftItem.getValue>>;

export interface CustomerFormDeps {
  client: Client;
  lookup: Pick<LookupModel, 'openCustomer'>;
  reference: Pick<ReferenceModel, 'referenceData'>;
  settings: Pick<SettingsModel, 'settingsView'>;
}

export function createCustomerFormModel({ client, lookup: { openCustomer }, reference: { referenceData }, settings: { settingsView } }: CustomerFormDeps) {
  return ownedModel((own) => {
    const formMode = signal<FormMode | undefined>(undefined);
    const formValues = signal<CustomerFormValues>(EMPTY_FORM);
    const formOptions = signal<FormOptions>({ agents: [], provinces: [], cities: [], districts: [] });
    const formSubmitted = signal(false);
    const formBusy = signal(false);
    const formError = signal<RequestError | undefined>(undefined);

    /** What the form sends: only the fields the connected backend stores. */
    function formInput(mode: FormMode) {
      const input = inputFromForm(formValues.value, formOptions.value, mode.kind === 'edit' ? mode.original : undefined);
      return onlyStoredFields(input, settingsView.value?.capabilities.customerFields ?? []);
    }

    const formProblems = computed(() => {
      const mode = formMode.value;
      if (!mode) return {};
      return validateCustomer(formInput(mode), referenceData.value?.customFields ?? []);
    });

    async function loadOptions(values: CustomerFormValues) {
      const [agents, provinces, cities, districts] = await Promise.all([
        client.request('directory.agents', {}).catch(() => []),
        client.request('directory.regions', { level: 'province' }).catch(() => []),
        values.provinceId ? client.request('directory.regions', { level: 'city', parentId: values.provinceId }).catch(() => []) : [],
        values.cityId ? client.request('directory.regions', { level: 'district', parentId: values.cityId }).catch(() => []) : [],
      ]);
      formOptions.value = { agents, provinces, cities, districts };
    }

    /** Draft writes, one after the other, so a form opened again reads the draft its last close wrote. */
    let draftWrites: Promise<unknown> = Promise.resolve();
    /** The debounced save of what is being typed. */
    let draftTimer: ReturnType<typeof setTimeout> | undefined;
    own.onDispose(() => clearTimeout(draftTimer));

    function changeDrafts(change: (drafts: Drafts) => Drafts): Promise<unknown> {
      draftWrites = draftWrites.then(async () => formDraftItem.setValue(change(await formDraftItem.getValue()))).catch(() => undefined);
      return draftWrites;
    }

    const saveDraft = (mode: FormMode, values: CustomerFormValues) => changeDrafts((drafts) => ({ ...drafts, [draftKey(mode)]: values }));

    async function open(mode: FormMode, initial: CustomerFormValues) {
      await draftWrites;
      const drafts = await formDraftItem.getValue();
      const draft = drafts[draftKey(mode)];
      formMode.value = mode;
      formValues.value = draft ?? initial;
      formSubmitted.value = false;
      formError.value = undefined;
      await loadOptions(formValues.value);
    }

    /** Create, prefilled with the contact nobody in the CRM has. */
    function openCreate(contact?: Pick<TabContact, 'kind' | 'value'>) {
      const prefill =
        contact?.kind === 'phone'
          ? { phone: formatContact(contact).replace(/[\s-]/g, '') }
          : contact?.kind === 'email'
            ? { email: contact.value, nick: contact.value.split('@')[0] ?? '' }
            : {};
      void open({ kind: 'create' }, { ...EMPTY_FORM, ...prefill });
    }

    function openEdit(customer: Customer) {
      const original = formFromCustomer(customer);
      void open({ kind: 'edit', customerId: customer.id, original }, original);
    }

    function updateForm(change: Partial<CustomerFormValues>) {
      const next = { ...formValues.value, ...change };
      if ('provinceId' in change && change.provinceId !== formValues.value.provinceId) {
        next.cityId = '';
        next.districtId = '';
        formOptions.value = { ...formOptions.value, cities: [], districts: [] };
        if (next.provinceId) {
          void client.request('directory.regions', { level: 'city', parentId: next.provinceId }).then(
            (cities) => (formOptions.value = { ...formOptions.value, cities }),
            () => undefined,
          );
        }
      }
      if ('cityId' in change && change.cityId !== formValues.value.cityId) {
        next.districtId = '';
        formOptions.value = { ...formOptions.value, districts: [] };
        if (next.cityId) {
          void client.request('directory.regions', { level: 'district', parentId: next.cityId }).then(
            (districts) => (formOptions.value = { ...formOptions.value, districts }),
            () => undefined,
          );
        }
      }
      formValues.value = next;
    }

    function forgetDraft(mode: FormMode) {
      clearTimeout(draftTimer);
      return changeDrafts(({ [draftKey(mode)]: _dropped, ...rest }) => rest);
    }

    /** Leaves the form; the draft is dropped only when the agent discards it on purpose, else kept at once. */
    function closeForm({ discard }: { discard: boolean }) {
      const mode = formMode.value;
      if (mode && discard) void forgetDraft(mode);
      else if (mode) {
        clearTimeout(draftTimer);
        void saveDraft(mode, formValues.value);
      }
      formMode.value = undefined;
    }

    async function submitForm() {
      const mode = formMode.value;
      if (!mode) return;
      formSubmitted.value = true;
      if (Object.keys(formProblems.value).length > 0) return;
      formBusy.value = true;
      formError.value = undefined;
      try {
        const input = formInput(mode);
        const card =
          mode.kind === 'create'
            ? await client.request('customer.create', { input })
            : await client.request('customer.update', { customerId: mode.customerId, input });
        await forgetDraft(mode);
        formMode.value = undefined;
        // An edited customer is already replaced wherever shown; a new one is opened, pinned to the tab.
        if (mode.kind === 'create') await openCustomer(card.customer.id);
      } catch (error) {
        formError.value = toRequestError(error);
      } finally {
        formBusy.value = false;
      }
    }

    // Keeps what the agent typed as a draft, so closing the panel mid-form loses nothing.
    own.effect(() => {
      const mode = formMode.value;
      const values = formValues.value;
      if (!mode) return;
      clearTimeout(draftTimer);
      draftTimer = setTimeout(() => void saveDraft(mode, values), 300);
    });
    return { formMode, formValues, formOptions, formSubmitted, formBusy, formError, formProblems, openCreate, openEdit, updateForm, closeForm, submitForm };
  });
}

export type CustomerFormModel = ReturnType<typeof createCustomerFormModel>;
