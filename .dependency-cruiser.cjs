// The layering of the README's architecture section, checked on every import (`npm run deps:check`).
// Type-only imports are erased from the bundles, so the rules about what a bundle carries allow them;
// the cycle rule does not, since a type cycle still ties two modules' designs together.

/** Tests, their helpers and fixtures: they may reach into any layer to set a scene up. */
const TEST_CODE = ['\\.(test|spec)\\.tsx?$', '(^|/)test-support\\.ts$', '\\.testing\\.ts$', '\\.fixture\\.ts$'];
/** Tooling around the product: the mock CRMs, the demo, the specs, the benchmarks, the build scripts. */
const TOOLING = ['^(dev|e2e|bench|scripts)/', '^[^/]+\\.config\\.ts$'];
const NOT_PRODUCT = [...TEST_CODE, ...TOOLING];

/** What the side panel and the options page show: components and the entry points' views (not main.tsx, which mounts and wires the models). */
const VIEWS = ['^components/', '^entrypoints/[^/]+/(?!main\\.tsx$)[^/]+\\.tsx$'];
/** The extension pages and the content script: everything that runs outside the background. */
const OUTSIDE_BACKGROUND = ['^components/', '^entrypoints/(sidepanel|options|page-scanner)/'];

/** Where data is kept: chrome.storage items, the IndexedDB store, the settings stores. */
const STORAGE = ['^lib/storage\\.ts$', '^node_modules/wxt/dist/utils/storage', '^lib/idb\\.ts$', '^lib/settings/'];
/** Browser extension APIs; a view gets what it needs from its model. */
const BROWSER_API = ['^node_modules/wxt/dist/browser', '^node_modules/webextension-polyfill/', '^node_modules/@wxt-dev/webextension-polyfill/'];

/**
 * Modules only the background may import (each says so in its opening comment): the credentials and
 * token, the CRM connection and look-ups, the outbox's queue and delivery, the detector, the message
 * server, the look-up budgets, and the libraries heavy enough to stay out of the pages.
 */
const BACKGROUND_ONLY = [
  '^entrypoints/background/',
  '^lib/auth/',
  '^lib/crm/(session|connect|lookup|list-cache|label-spelling|crm-fetch|cards|stage)\\.ts$',
  // A backend's code; its descriptor (and the recipe check it uses) is plain data every page may name.
  '^lib/crm/[^/]+/(?!(descriptor|recipe)\\.ts$)',
  '^lib/outbox/(outbox|store|delivery|backoff)\\.ts$',
  '^lib/contacts/(detect|tab-contacts)\\.ts$',
  '^lib/messaging/(server|sender)\\.ts$',
  '^lib/lookup/(lookup-budget|report-rate|choice-memory)\\.ts$',
  '^lib/settings/(agent-settings|effective-stores)\\.ts$',
  '^lib/suggest/(label-matcher|conversation)\\.ts$',
  '^lib/(idb|serial)\\.ts$',
  '^node_modules/(pinyin-pro|libphonenumber-js|@noble/hashes|zod)/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules form layers; a cycle (of types too) means two of them are one design split in two files.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'views-are-presentational',
      severity: 'error',
      comment:
        "Components and the entry points' views render props and signals: they call no backend, storage, browser API or messaging client (models do) and import no entry point.",
      from: { path: VIEWS, pathNot: TEST_CODE },
      to: {
        path: ['^lib/crm/[^/]+/', ...STORAGE, ...BROWSER_API, '^lib/messaging/client\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'components-import-no-entry-point',
      severity: 'error',
      comment: 'Components are shared by the side panel and the options page, so they depend on neither.',
      from: { path: '^components/', pathNot: TEST_CODE },
      to: { path: '^entrypoints/' },
    },
    {
      name: 'only-the-registry-imports-backends',
      severity: 'error',
      comment:
        'A backend (lib/crm/<backend>/) is reached through the CrmBackend interface; the registry (descriptors) and connect.ts (factories) are the two places that name backends.',
      from: { pathNot: ['^lib/crm/(registry|connect)\\.ts$', '^lib/crm/[^/]+/', ...NOT_PRODUCT] },
      to: { path: '^lib/crm/[^/]+/' },
    },
    {
      name: 'the-registry-lists-descriptors-only',
      severity: 'error',
      comment: 'Every page imports the registry, so it names each backend by its plain-data descriptor and never by its code.',
      from: { path: '^lib/crm/registry\\.ts$' },
      to: { path: '^lib/crm/[^/]+/', pathNot: '/descriptor\\.ts$' },
    },
    {
      name: 'backends-are-independent',
      severity: 'error',
      comment: 'One backend never borrows from another: adding or removing one touches its folder and the registry only.',
      from: { path: '^lib/crm/([^/]+)/', pathNot: TEST_CODE },
      to: { path: '^lib/crm/[^/]+/', pathNot: '^lib/crm/$1/' },
    },
    {
      name: 'page-scanner-stays-tiny',
      severity: 'error',
      comment:
        'The content script runs in the chat console: it carries its own files and the dependency-free page reading only (no zod, no polyfill, no phone library); protocol types are fine.',
      from: { path: '^entrypoints/page-scanner/', pathNot: TEST_CODE },
      to: {
        pathNot: ['^entrypoints/page-scanner/', '^lib/contacts/page-reading\\.ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'page-reading-is-dependency-free',
      severity: 'error',
      comment: 'The page scanner and the protocol both import it; it imports nothing, so the scanner stays small.',
      from: { path: '^lib/contacts/page-reading\\.ts$' },
      to: {},
    },
    {
      name: 'only-models-call-the-background',
      severity: 'error',
      comment: "The side panel's and options page's models are the only code that sends messages to the background.",
      // main.tsx builds the one client and hands it to the models.
      from: { pathNot: ['^entrypoints/(sidepanel|options)/models/', '^entrypoints/(sidepanel|options)/main\\.tsx$', ...NOT_PRODUCT] },
      to: { path: '^lib/messaging/client\\.ts$' },
    },
    {
      name: 'pages-take-protocol-types-only',
      severity: 'error',
      comment: 'The protocol table holds zod schemas; extension pages import its types so zod stays in the background bundle.',
      from: { path: [...OUTSIDE_BACKGROUND, '^lib/messaging/client\\.ts$'], pathNot: TEST_CODE },
      to: { path: '^lib/messaging/protocol\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'background-only-modules',
      severity: 'error',
      comment: 'Secrets, CRM calls, the outbox, the detector and the pinyin dictionary live in the background; the pages ask it through messages.',
      from: { path: OUTSIDE_BACKGROUND, pathNot: TEST_CODE },
      to: { path: BACKGROUND_ONLY, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'entry-points-are-separate',
      severity: 'error',
      comment: 'Each entry point is its own bundle and context; what two of them share lives in lib/ or components/.',
      from: { path: '^entrypoints/([^/]+)/', pathNot: TEST_CODE },
      to: { path: '^entrypoints/', pathNot: '^entrypoints/$1/' },
    },
    {
      name: 'lib-stays-below-the-entry-points',
      severity: 'error',
      comment: 'lib/ holds the logic the entry points compose; it never reaches up into them, the components or the tooling.',
      from: { path: '^lib/', pathNot: TEST_CODE },
      to: { path: ['^entrypoints/', '^components/', ...TOOLING] },
    },
    {
      name: 'no-test-code-in-the-product',
      severity: 'error',
      comment: 'Test helpers, fixtures and tooling never end up in a bundle.',
      from: { pathNot: NOT_PRODUCT },
      to: { path: NOT_PRODUCT },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules/' },
    exclude: { path: '^(\\.output|\\.wxt)/' },
    // Type-only imports are part of the graph (for the cycle rule); the bundle rules skip them by type.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
