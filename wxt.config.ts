import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { hostPatternOf } from './lib/crm/hosts';
import { registry } from './lib/crm/registry';

// The hosts the backends themselves run on (their descriptors); a custom base URL is asked for at run
// time (optional permission).
const CRM_HOSTS = registry.hosts.map(hostPatternOf);
// `wxt build --mode demo` is the build the demo, e2e specs and benchmarks load: it may also reach the
// mock CRM and demo console on loopback without a permission prompt (which a script cannot accept).
const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    optimizeDeps: { entries: ['entrypoints/sidepanel/index.html', 'entrypoints/options/index.html'] },
  }),
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    minimum_chrome_version: '116',
    permissions: ['storage', 'sidePanel', 'alarms', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: mode === 'demo' ? [...CRM_HOSTS, ...LOOPBACK_HOSTS] : CRM_HOSTS,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Lets an admin preconfigure backend, base URL, credentials and sites through Chrome/Edge policy.
    storage: { managed_schema: 'managed_schema.json' },
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+C' } },
      'scan-page': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandScanPage__' },
    },
  }),
});
