// @vitest-environment happy-dom
// The rollout guide's example policy, in every form it gives (Linux JSON, Windows registry, macOS profile,
// for Chrome and Edge), is one the browser hands to the extension and the extension applies in full.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lockedFields, parsePolicy, readPolicy } from '@/lib/settings/policy';
import { policyProblems, schemaProblems, type SchemaNode } from './managed-schema';

const read = (path: string) => readFileSync(path, 'utf8');
const schema = JSON.parse(read('public/managed_schema.json')) as SchemaNode;
const example = JSON.parse(read('docs/policy/crm-sidebar-policy.json')) as Record<string, unknown>;
/** Shown with an example of their own in the rollout guide, apart from the connection's. */
const SUGGESTION_SETTINGS = ['labelSuggestions', 'labelSynonyms'];
const suggestionExample = { labelSuggestions: true, labelSynonyms: { 开票需求: ['发票', 'invoice'], 易投诉: ['投诉'] } };

const BROWSERS = [
  {
    browser: 'chrome',
    id: 'CHROME_EXTENSION_ID',
    registry: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome',
    domain: 'com.google.Chrome',
    store: 'https://clients2.google.com/service/update2/crx',
  },
  {
    browser: 'edge',
    id: 'EDGE_EXTENSION_ID',
    registry: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge',
    domain: 'com.microsoft.Edge',
    store: 'https://edge.microsoft.com/extensionwebstorebase/v1/crx',
  },
] as const;

describe('the managed-settings schema', () => {
  it('is one Chrome and Edge load, with nothing in it they would ignore', () => {
    expect(schemaProblems(schema)).toEqual([]);
  });
});

describe('the example policy', () => {
  it('validates against the schema', () => {
    expect(policyProblems(schema, example)).toEqual([]);
  });

  it('sets every setting the schema declares, and the extension applies each one', () => {
    const connectionSettings = Object.keys(schema.properties ?? {}).filter((key) => !SUGGESTION_SETTINGS.includes(key));
    expect(Object.keys(example).sort()).toEqual(connectionSettings.sort());
    const applied = parsePolicy(example);
    expect(lockedFields(applied).sort()).toEqual(Object.keys(example).sort());
    expect(applied).toEqual(example);
  });

  it('with the label-suggestion settings added, still validates, and the extension applies them', () => {
    expect(Object.keys(suggestionExample)).toEqual(SUGGESTION_SETTINGS);
    expect(policyProblems(schema, { ...example, ...suggestionExample })).toEqual([]);
    const reading = readPolicy({ ...example, ...suggestionExample });
    expect(reading).toEqual({ policy: { ...example, ...suggestionExample }, ignored: [] });
    expect(lockedFields(reading.policy).sort()).toEqual(Object.keys({ ...example, ...suggestionExample }).sort());
    expect(policyProblems(schema, { labelSynonyms: { 开票需求: '发票' } })).toEqual([expect.stringContaining('policy.labelSynonyms.开票需求')]);
  });
});

describe.each(BROWSERS)('the $browser rollout files', ({ browser, id, registry, domain, store }) => {
  it('Linux JSON: installs from the store and carries the example policy', () => {
    const file = JSON.parse(read(`docs/policy/${browser}-linux.json`)) as {
      ExtensionSettings: Record<string, { installation_mode: string; update_url: string }>;
      '3rdparty': { extensions: Record<string, unknown> };
    };
    expect(file.ExtensionSettings[id]).toMatchObject({ installation_mode: 'force_installed', update_url: store });
    expect(file['3rdparty'].extensions[id]).toEqual(example);
  });

  it('Windows registry: installs from the store and carries the example policy', () => {
    const keys = parseRegFile(read(`docs/policy/${browser}-windows.reg`));
    const settings = JSON.parse(keys.get(registry)!.get('ExtensionSettings') as string) as Record<string, { installation_mode: string; update_url: string }>;
    expect(settings[id]).toMatchObject({ installation_mode: 'force_installed', update_url: store });
    expect(policyFromRegistry(keys, `${registry}\\3rdparty\\extensions\\${id}\\policy`, schema)).toEqual(example);
  });

  it('macOS profile: installs from the store and carries the example policy', () => {
    const profile = parsePlist(read(`docs/policy/${browser}-macos.mobileconfig`)) as { PayloadType: string; PayloadContent: Record<string, unknown>[] };
    expect(profile.PayloadType).toBe('Configuration');
    const byDomain = new Map(profile.PayloadContent.map((payload) => [payload.PayloadType, payload]));
    const install = byDomain.get(domain) as { ExtensionSettings: Record<string, { installation_mode: string; update_url: string }> };
    expect(install.ExtensionSettings[id]).toMatchObject({ installation_mode: 'force_installed', update_url: store });
    const policy = Object.fromEntries(Object.entries(byDomain.get(`${domain}.extensions.${id}`)!).filter(([key]) => !key.startsWith('Payload')));
    expect(policy).toEqual(example);
  });
});

describe('the checks themselves', () => {
  it('find a value of the wrong type, one outside its enum, an undeclared setting and a schema the browser would refuse', () => {
    const problems = policyProblems(schema, { ...example, backend: 'salesforce', autoLookup: 'yes', colour: 'blue' });
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringContaining('policy.backend'), expect.stringContaining('policy.autoLookup'), expect.stringContaining('"colour"')]),
    );
    expect(schemaProblems({ type: 'array', additionalProperties: false })).toHaveLength(2);
    expect(schemaProblems({ type: 'object', properties: { site: { type: 'string', format: 'uri' } } })).toEqual([
      'policy.site: "format" is not read by Chrome or Edge',
    ]);
  });

  it('read registry files and profiles as the browsers do', () => {
    const keys = parseRegFile(
      'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_X\\p]\r\n"a"="say \\"hi\\" \\\\o/"\r\n"b"=dword:0000000a\r\n\r\n[HKEY_X\\p\\list]\r\n"2"="second"\r\n"1"="first"\r\n',
    );
    expect(keys.get('HKEY_X\\p')).toEqual(
      new Map<string, unknown>([
        ['a', 'say "hi" \\o/'],
        ['b', 10],
      ]),
    );
    const listSchema: SchemaNode = { type: 'object', properties: { list: { type: 'array', items: { type: 'string' } } } };
    expect(policyFromRegistry(keys, 'HKEY_X\\p', listSchema)).toEqual({ a: 'say "hi" \\o/', b: 10, list: ['first', 'second'] });
    expect(parsePlist('<plist><dict><key>n</key><integer>3</integer><key>f</key><false/><key>l</key><array><string>x</string></array></dict></plist>')).toEqual(
      { n: 3, f: false, l: ['x'] },
    );
  });
});

/** A .reg file's keys and their values: strings unescaped, dwords as numbers. */
function parseRegFile(text: string): Map<string, Map<string, unknown>> {
  const keys = new Map<string, Map<string, unknown>>();
  let current: Map<string, unknown> | undefined;
  for (const line of text.split(/\r?\n/)) {
    const key = /^\[(.+)\]$/.exec(line);
    if (key) keys.set(key[1]!, (current = new Map()));
    const value = /^"((?:[^"\\]|\\.)*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-fA-F]{8}))$/.exec(line);
    if (value && current) current.set(unescapeReg(value[1]!), value[3] !== undefined ? parseInt(value[3], 16) : unescapeReg(value[2]!));
  }
  return keys;
}

function unescapeReg(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** The policy under `path`: its values, a subkey with values named 1, 2, … as a list, and a dword as a boolean where the schema says so. */
function policyFromRegistry(keys: Map<string, Map<string, unknown>>, path: string, policySchema: SchemaNode): Record<string, unknown> {
  const policy: Record<string, unknown> = {};
  for (const [name, value] of keys.get(path) ?? []) policy[name] = policySchema.properties?.[name]?.type === 'boolean' ? value === 1 : value;
  for (const [subkey, values] of keys) {
    if (!subkey.startsWith(`${path}\\`)) continue;
    const entries = [...values].sort(([a], [b]) => Number(a) - Number(b));
    policy[subkey.slice(path.length + 1)] = entries.map(([, value]) => value);
  }
  return policy;
}

function parsePlist(xml: string): unknown {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const plistValue = (element: Element): unknown => {
    const children = [...element.children];
    switch (element.tagName) {
      case 'dict':
        return Object.fromEntries(children.flatMap((child, index) => (child.tagName === 'key' ? [[child.textContent, plistValue(children[index + 1]!)]] : [])));
      case 'array':
        return children.map(plistValue);
      case 'integer':
        return Number(element.textContent);
      case 'true':
        return true;
      case 'false':
        return false;
      default:
        return element.textContent;
    }
  };
  return plistValue(document.querySelector('plist > *')!);
}
