// Company reference data (document sections 3.3.3, 3.6–3.9): custom-field definitions at their
// misspelled path, customer sources, the agent tree and the region tables. Read-only.
import { ok, type Route } from '../http';
import { AGENT_TREE, CITIES, DISTRICTS, PROVINCES, SOURCES } from '../reference-data';

export const referenceRoutes: Route[] = [
  {
    methods: ['GET'],
    // "fieid" is how the real path is spelled.
    path: 'custom_field/custom_fieid_info_list',
    handle: ({ state }) => ok({ items: structuredClone(state.customFields) }),
  },
  {
    methods: ['GET'],
    path: 'user_dynamic/getsource',
    handle: () => ok({ items: SOURCES.map((source) => ({ ...source })) }),
  },
  {
    methods: ['GET'],
    path: 'user/user_list',
    handle: () => ok({ items: structuredClone(AGENT_TREE) }),
  },
  {
    methods: ['GET'],
    path: 'user_dynamic/provice',
    handle: () => ok({ items: PROVINCES.map((province) => ({ ...province })) }),
  },
  {
    methods: ['GET'],
    // The document's examples of city/ and area/ are swapped; city/{provinceid} answers cities.
    path: 'user_dynamic/city/:provinceid',
    handle: ({ pathParams }) => ok({ items: CITIES.filter((city) => city.provinceid === pathParams.provinceid) }),
  },
  {
    methods: ['GET'],
    path: 'user_dynamic/area/:cityid',
    handle: ({ pathParams }) => ok({ items: DISTRICTS.filter((district) => district.cityid === pathParams.cityid) }),
  },
];
