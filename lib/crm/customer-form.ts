// The customer form's values (what the inputs hold, all strings) and their conversion to and from the
// domain. Pure; the panel's form model imports it.
import type { CustomerFieldName } from './backend';
import type { CrmStatus, Customer, CustomerInput, RegionOption } from './domain';

export interface CustomerFormValues {
  nick: string;
  realName: string;
  phone: string;
  email: string;
  company: string;
  vip: boolean;
  crmStatus: CrmStatus | '';
  liableAgentId: string;
  provinceId: string;
  cityId: string;
  districtId: string;
  remark: string;
  custom: Record<string, string>;
}

export const EMPTY_FORM: CustomerFormValues = {
  nick: '',
  realName: '',
  phone: '',
  email: '',
  company: '',
  vip: false,
  crmStatus: '',
  liableAgentId: '',
  provinceId: '',
  cityId: '',
  districtId: '',
  remark: '',
  custom: {},
};

export function formFromCustomer(customer: Customer): CustomerFormValues {
  return {
    nick: customer.nick,
    realName: customer.realName ?? '',
    phone: customer.phones[0] ?? '',
    email: customer.emails[0] ?? '',
    company: customer.company ?? '',
    vip: customer.vip,
    crmStatus: customer.crmStatus ?? '',
    liableAgentId: customer.liableAgent?.id ?? '',
    provinceId: customer.region.provinceId ?? '',
    cityId: customer.region.cityId ?? '',
    districtId: customer.region.districtId ?? '',
    remark: customer.remark ?? '',
    custom: Object.fromEntries(customer.customFields.map((field) => [field.fieldId, field.value])),
  };
}

export interface FormOptions {
  agents: { id: string; name: string }[];
  provinces: RegionOption[];
  cities: RegionOption[];
  districts: RegionOption[];
}

/**
 * The input to send. A field left empty is left out when creating; when editing, a field the agent
 * emptied is sent empty so the CRM clears it too.
 */
export function inputFromForm(values: CustomerFormValues, options: FormOptions, original?: CustomerFormValues): CustomerInput {
  const text = (key: 'realName' | 'phone' | 'email' | 'company' | 'remark') => {
    const value = values[key].trim();
    return value || (original?.[key] ? '' : undefined);
  };
  const nameOf = (list: RegionOption[], regionId: string) => list.find((option) => option.id === regionId)?.name;
  const agent = options.agents.find((option) => option.id === values.liableAgentId);
  const regionChanged =
    !original || original.provinceId !== values.provinceId || original.cityId !== values.cityId || original.districtId !== values.districtId;
  const customFields = Object.entries(values.custom)
    .filter(([fieldId, value]) => value !== '' || (original?.custom[fieldId] ?? '') !== '')
    .map(([fieldId, value]) => ({ fieldId, value }));
  return {
    nick: values.nick.trim(),
    realName: text('realName'),
    phone: text('phone'),
    email: text('email'),
    company: text('company'),
    remark: text('remark'),
    vip: original || values.vip ? values.vip : undefined,
    crmStatus: values.crmStatus || undefined,
    liableAgent: agent ? { id: agent.id, name: agent.name } : undefined,
    region:
      values.provinceId && regionChanged
        ? {
            provinceId: values.provinceId,
            provinceName: nameOf(options.provinces, values.provinceId),
            cityId: values.cityId || undefined,
            cityName: nameOf(options.cities, values.cityId),
            districtId: values.districtId || undefined,
            districtName: nameOf(options.districts, values.districtId),
          }
        : undefined,
    customFields: customFields.length ? customFields : undefined,
  };
}

/** The input's fields a backend has no place for, by the input key that carries each. */
const INPUT_KEYS: Record<Exclude<CustomerFieldName, 'nick'>, keyof CustomerInput> = {
  realName: 'realName',
  phone: 'phone',
  email: 'email',
  company: 'company',
  vip: 'vip',
  crmStatus: 'crmStatus',
  liableAgent: 'liableAgent',
  region: 'region',
};

/**
 * The input without the fields the backend does not store: a value kept from a draft made on another
 * CRM is not sent to be dropped silently.
 */
export function onlyStoredFields(input: CustomerInput, stored: readonly CustomerFieldName[]): CustomerInput {
  const kept = { ...input };
  for (const [field, key] of Object.entries(INPUT_KEYS) as [CustomerFieldName, keyof CustomerInput][]) {
    if (!stored.includes(field)) delete kept[key];
  }
  return kept;
}
