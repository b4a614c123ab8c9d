/**
 * The layering of DESIGN.md §3 as rules that `npm run lint:deps` (part of `npm test`) checks. docs/architecture.md
 * explains the parts; this file is the authority on the arrows between them.
 *
 * Each part may import itself and the parts listed in ALLOWED; any other arrow between parts is an error. The
 * composition roots (where the app is wired from its parts) are declared one by one in COMPOSITION_ROOTS and may
 * also reach what they wire. Tests beside their modules follow their part's rules: a test that needs a lower part's
 * helper shows that the helper sits in the wrong part.
 *
 * Type-only imports count (`tsPreCompilationDeps: true`). They vanish from the JavaScript, but they are arrows of
 * knowledge all the same: a route typed by a store row changes when the table does, and a circle of types is a
 * circle of modules a reader has to hold in their head at once. Nothing in Assay needs the exemption.
 *
 * No permanent exceptions: an arrow that breaks a rule is fixed by moving code, not by adding a `pathNot` here.
 */
'use strict';

/** The parts, by where their files live. */
const PARTS = {
  core: '^src/core/',
  quality: '^src/quality/',
  store: '^src/store/',
  threads: '^src/threads/',
  services: '^src/services/',
  jobs: '^src/jobs/',
  report: '^src/report/',
  api: '^src/api/',
  cli: '^src/cli/',
  config: '^src/config(?:\\.test)?\\.ts$',
};

/**
 * Which parts each part may import, besides itself. Dependencies point inward (DESIGN.md §3):
 *   api, cli, jobs → services → store, quality, threads → core.
 * - core: the vocabulary and pure rules; imports nothing of Assay.
 * - quality: the numerical engine; may read core's vocabulary (e.g. the calibration minimum), never the reverse.
 * - threads: worker-thread plumbing; runs the quality engine off the request thread, knows nothing of services.
 * - report: the HTML report, built from what services compute (and core's words and figures).
 * - api: routes call services and speak core's vocabulary; config is read only at the composition root.
 * - cli: commands call services; `assay aggregate` and `assay agreement` run the quality engine (and its threads)
 *   on local files with no database, so the CLI may use quality and threads directly, as a service would.
 * - jobs: periodic work calls services only.
 * - config: the typed environment, reading nothing of Assay but core's vocabulary.
 */
const ALLOWED = {
  core: [],
  quality: ['core'],
  store: ['core'],
  threads: ['quality', 'core'],
  services: ['store', 'quality', 'threads', 'core'],
  jobs: ['services', 'core'],
  report: ['services', 'quality', 'core'],
  api: ['services', 'report', 'core'],
  cli: ['services', 'report', 'quality', 'threads', 'core', 'config'],
  config: ['core'],
};

/**
 * The composition roots: they wire the parts together and so may also open the store (`store/db.ts` only, never a
 * store module's statements), read the config, and start the API, the jobs and live results.
 */
const COMPOSITION_ROOTS = [
  '^src/api/app\\.ts$',
  // Builds the app on an in-memory store to read its OpenAPI document (npm run api:types, test/openapi.test.ts).
  '^src/api/openapi-document\\.ts$',
  '^src/cli/commands/serve\\.ts$',
  '^src/cli/context\\.ts$',
];
const ROOTS_MAY_ALSO = ['^src/store/db\\.ts$', PARTS.api, PARTS.jobs, PARTS.config];

/** Core modules the web app may not import through its `@core` alias: the impure one (node:crypto), tests, test support. */
const WEB_MAY_NOT_IMPORT_FROM_CORE = ['^src/core/ids\\.ts$', '^src/core/.*\\.test\\.tsx?$', '^src/core/.*/test-support/'];

/**
 * Modules that run by path, not by import, so that no import reaches them: the vitest setup file (vitest.config.ts
 * `setupFiles`) and the benchmarks' child-process entries (`node --import <file>`, `node <file>`).
 */
const ENTRY_POINTS = ['^web/src/test/setup\\.ts$', '^bench/support/report-usage\\.ts$', '^bench/support/bare-server\\.ts$'];

const layerRules = Object.entries(PARTS).map(([part, from]) => {
  const mayImport = [part, ...ALLOWED[part]].map((p) => PARTS[p]);
  return {
    name: `layer-${part}`,
    severity: 'error',
    comment: `${part} may import only ${[part, ...ALLOWED[part]].join(', ')} (see ALLOWED in .dependency-cruiser.cjs).`,
    from: { path: from, pathNot: COMPOSITION_ROOTS },
    to: { path: '^(?:src|web|test|bench|scripts)/', pathNot: mayImport },
  };
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'every-module-in-a-part',
      severity: 'error',
      comment: 'A module of src outside every part escapes the layer rules: put it in a part, or declare a new part in PARTS and ALLOWED.',
      from: { path: '^src/', pathNot: Object.values(PARTS) },
      to: {},
    },
    {
      name: 'layer-composition-root',
      severity: 'error',
      comment: 'A composition root wires services, the API, the jobs and the config; it opens the store through store/db.ts only.',
      from: { path: COMPOSITION_ROOTS },
      to: {
        path: '^(?:src|web|test|bench|scripts)/',
        pathNot: [PARTS.services, PARTS.core, PARTS.cli, ...ROOTS_MAY_ALSO],
      },
    },
    {
      name: 'pure-core-and-quality',
      severity: 'error',
      comment: 'core and quality do no I/O: no file system, network, processes, threads or database driver.',
      from: { path: [PARTS.core, PARTS.quality], pathNot: ['\\.test\\.ts$', '/test-support/'] },
      to: {
        path: '^(?:node:)?(?:fs|fs/promises|net|http|https|http2|child_process|worker_threads|cluster|dgram|dns|tls)$|node_modules/(?:kysely|better-sqlite3|pg|fastify|@fastify)/',
      },
    },
    {
      name: 'web-uses-pure-core-only',
      severity: 'error',
      comment: 'The web app talks to the server through the API; of the server it may import only pure core modules (alias @core).',
      from: { path: '^web/' },
      to: { path: '^(?:src|test|bench|scripts)/', pathNot: PARTS.core },
    },
    {
      name: 'web-uses-pure-core-only-modules',
      severity: 'error',
      comment: 'The web app imports pure core modules only: not ids.ts (node:crypto), tests or test support.',
      from: { path: '^web/' },
      to: { path: WEB_MAY_NOT_IMPORT_FROM_CORE },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      comment: 'Shipped code never imports the integration tests, benchmarks or scripts.',
      from: { path: '^src/' },
      to: { path: '^(?:test|bench|scripts)/' },
    },
    {
      name: 'no-test-support-in-shipped-code',
      severity: 'error',
      comment: 'test-support modules serve tests only.',
      from: { path: '^(?:src|web/src)/', pathNot: ['\\.test\\.tsx?$', '/test-support/'] },
      to: { path: '/test-support/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circles: a circle is one module in several files, and no part of it can be read alone.',
      from: { path: '^(?:src|web/src)/' },
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A module nothing imports and that imports nothing is dead code (or a missing import).',
      from: {
        orphan: true,
        pathNot: ['\\.d\\.ts$', '(?:^|/)[^/]+\\.config\\.(?:js|cjs|mjs|ts)$', ...ENTRY_POINTS],
      },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file breaks at run time (or in the build).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^dist/', '^web/dist/', '^node_modules/', '^coverage/'] },
    moduleSystems: ['es6', 'cjs'],
    tsPreCompilationDeps: true,
    // The root tsconfig plus the web app's `@core/*` alias (web/vite.config.ts, web/tsconfig.json).
    tsConfig: { fileName: '.dependency-cruiser.tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
