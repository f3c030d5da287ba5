// Sobot SCRM as the options page and the build see it: the hosts Sobot documents (granted at install),
// an appid and an app key. Plain data; see lib/crm/descriptor.ts.
import type { BackendDescriptor } from '../descriptor';

export const sobotDescriptor = {
  kind: 'sobot',
  hosts: ['https://www.sobot.com', 'https://www.soboten.com', 'https://sg.sobot.io', 'https://us.sobot.com'],
  text: {
    label: 'backendSobot',
    hosts: 'sobotHost',
    appid: 'appid',
    secret: 'appKey',
    connectionOk: 'connectionOk',
    // The document's ret_code table.
    crmCodes: {
      '900001': 'crmCode900001',
      '900002': 'crmCode900002',
      '900003': { as: 'bad-signature' },
      '900004': 'errorUnknownAccount',
      '700046': 'errorEditionWithoutApi',
      '999999': 'crmCode999999',
      '510001': 'crmCode510001',
      '510002': 'crmCode510002',
      '510003': 'crmCode510003',
      '510004': 'crmCode510004',
      '510005': 'crmCode510005',
      '510006': 'crmCode510006',
      '510007': 'crmCode510007',
      '510008': 'crmCode510008',
      '500152': 'crmCodeBlacklist',
      '500153': 'crmCodeBlacklist',
      '500154': 'crmCodeBlacklist',
      '500155': 'crmCodeBlacklist',
      '500156': 'crmCodeBlacklist',
      '500157': 'crmCodeBlacklist',
    },
  },
} as const satisfies BackendDescriptor;
