// Sobot SCRM as the options page and the build see it: the hosts Sobot documents (granted at install),
// an appid and an app key. Plain data; see lib/crm/descriptor.ts.
import type { BackendDescriptor } from '../descriptor';

export const sobotDescriptor = {
  kind: 'sobot',
  hosts: ['https://www.sobot.com', 'https://www.soboten.com', 'https://sg.sobot.io', 'https://us.sobot.com'],
  text: { label: 'backendSobot', hosts: 'sobotHost', appid: 'appid', secret: 'appKey', connectionOk: 'connectionOk' },
} as const satisfies BackendDescriptor;
