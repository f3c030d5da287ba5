// The lists a CRM account defines (label groups, stages, custom fields, sources, agents, regions), read
// through the CRM list cache and keyed by the connection, so two CRMs never share an entry. A list the
// backend does not have is empty. The message handlers and the contact lookups use it.
import type { ListCache } from '@/lib/crm/list-cache';
import type { AgentRef, CustomerSource, CustomFieldDefinition, LabelGroup, RegionOption, Stage } from '@/lib/crm/domain';
import type { CrmSession } from '@/lib/crm/session';

export interface CrmListsDependencies {
  session: Pick<CrmSession, 'backend' | 'connectionKey'>;
  listCache: Pick<ListCache, 'get' | 'forget'>;
}

export function crmLists(deps: CrmListsDependencies) {
  async function cached<T>(name: string, load: () => Promise<T>): Promise<T> {
    const key = await deps.session.connectionKey();
    return deps.listCache.get(`${key}|${name}`, load);
  }
  return {
    /** Drops one cached entry, e.g. the label groups after a label was created. */
    async forget(name: string) {
      const key = await deps.session.connectionKey();
      await deps.listCache.forget(`${key}|${name}`);
    },
    async labelGroups(): Promise<LabelGroup[]> {
      const backend = await deps.session.backend();
      return backend.listLabelGroups ? cached('labelGroups', () => backend.listLabelGroups!()) : [];
    },
    async stages(): Promise<Stage[]> {
      const backend = await deps.session.backend();
      return backend.listStages ? cached('stages', () => backend.listStages!()) : [];
    },
    async customFields(): Promise<CustomFieldDefinition[]> {
      const backend = await deps.session.backend();
      return cached('customFields', () => backend.listCustomFields());
    },
    async agents(): Promise<AgentRef[]> {
      const backend = await deps.session.backend();
      return backend.listAgents ? cached('agents', () => backend.listAgents!()) : [];
    },
    /** Provinces, a province's cities or a city's districts. */
    async regions(level: 'province' | 'city' | 'district', parentId = ''): Promise<RegionOption[]> {
      const backend = await deps.session.backend();
      const loaders = {
        province: backend.listProvinces && (() => backend.listProvinces!()),
        city: backend.listCities && (() => backend.listCities!(parentId)),
        district: backend.listDistricts && (() => backend.listDistricts!(parentId)),
      };
      const load = loaders[level];
      return load ? cached(`regions|${level}|${parentId}`, load) : [];
    },
    async sources(): Promise<CustomerSource[]> {
      const backend = await deps.session.backend();
      return backend.listSources ? cached('sources', () => backend.listSources!()) : [];
    },
  };
}
