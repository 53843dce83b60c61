import { cdk8s, javascript, typescript } from 'projen';

// The KubeVirt / OpenShift CRDs this library emits objects for. They are vendored under crds/ (with their SOURCE
// and licence notes) so that the typed bindings and the schema validation never depend on anything outside the
// repository.
// `cdk8s import` takes one CRD per call and names the module `<name>-<group>.ts`; several CRDs share a group, so each
// gets an explicit module name.
const CRD_IMPORTS: Record<string, string> = {
  virtualmachine: 'crds/kubevirt/virtualmachines.kubevirt.io.crd.yaml',
  kubevirt: 'crds/kubevirt/kubevirts.kubevirt.io.crd.yaml',
  hyperconverged: 'crds/hyperconverged/hyperconvergeds.hco.kubevirt.io.crd.yaml',
  machineconfig: 'crds/openshift/machineconfigs.machineconfiguration.openshift.io.crd.yaml',
  machineconfigpool: 'crds/openshift/machineconfigpools.machineconfiguration.openshift.io.crd.yaml',
  kubeletconfig: 'crds/openshift/kubeletconfigs.machineconfiguration.openshift.io.crd.yaml',
  tuned: 'crds/openshift/tuneds.tuned.openshift.io.crd.yaml',
  performanceprofile: 'crds/openshift/performanceprofiles.performance.openshift.io.crd.yaml',
  // Cluster API (v1beta2 KubeadmConfigTemplate) and the Talos bootstrap provider (v1alpha3 TalosConfigTemplate) share
  // the bootstrap.cluster.x-k8s.io group: explicit module names keep them apart.
  kubeadmconfigtemplate: 'crds/cluster-api/kubeadmconfigtemplates.bootstrap.cluster.x-k8s.io.crd.yaml',
  talosconfigtemplate: 'crds/cluster-api-talos/talosconfigtemplates.bootstrap.cluster.x-k8s.io.crd.yaml',
  // The cluster-wide instance type and preference a RealtimeInstancetype emits (instancetype.kubevirt.io/v1beta1).
  virtualmachineclusterinstancetype: 'crds/kubevirt-instancetype/virtualmachineclusterinstancetypes.instancetype.kubevirt.io.crd.yaml',
  virtualmachineclusterpreference: 'crds/kubevirt-instancetype/virtualmachineclusterpreferences.instancetype.kubevirt.io.crd.yaml',
};

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-kubevirt-realtime',
  description: 'Typed cdk8s constructs for real-time KubeVirt VMs, their node pools and cluster feature gates, validated at synth time',
  author: 'cdk8s-kubevirt-realtime maintainers',
  authorAddress: 'maintainers@users.noreply.example.invalid',
  repositoryUrl: 'https://example.invalid/cdk8s-kubevirt-realtime.git',
  license: 'Apache-2.0',
  keywords: ['cdk8s', 'kubevirt', 'realtime', 'openshift', 'performance-profile', 'machineconfig'],
  cdk8sVersion: '2.70.106',
  constructsVersion: '10.8.1',
  jsiiVersion: '~6.0.0',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  defaultReleaseBranch: 'main',
  // No cdk8s-plus dependency: the VM satisfies cdk8s-plus's selector and peer contracts structurally, so apps on any
  // cdk8s-plus line (-27, or -33 which `cdk8s init` scaffolds) use it without a second copy (docs/composition.md).
  // Both lines are dev dependencies: the composition example and tests use them.
  minNodeVersion: '20.16.0',
  // A real YAML parser for the credential check and the guest cloud-config (no dependencies of its own; bundled, as
  // jsii requires for a library's runtime dependencies).
  bundledDeps: ['yaml@^2'],
  devDeps: [
    'cdk8s-plus-27@2.9.5',
    'cdk8s-plus-33@2.5.57',
    'cdk8s-cli@2.207.60', // `cdk8s import` for the L1 bindings in src/imports/
    'ajv@^8.17.1', // JSON-schema validation of synthesized objects against the vendored CRDs (tests)
    'fast-check@^4', // property-based tests
  ],
  github: false,
  release: false,
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      coveragePathIgnorePatterns: ['/node_modules/', '/src/imports/'],
      setupFiles: ['<rootDir>/test/setup-fast-check.ts', '<rootDir>/test/setup-quiet-warnings.ts'],
      testTimeout: 60_000,
      // Coverage tripled the suite's time (v8 coverage of every module each suite loads); `npx projen test:coverage`
      // collects it on demand.
      collectCoverage: false,
    },
  },
  // Source maps in .js.map files next to the code, not inline: the inline maps (sources included) were 4.5 of the
  // 5.9 MB of lib/*.js, held in memory by every app that loads the library (issue #5, peak RSS).
  tsconfig: { compilerOptions: { inlineSourceMap: false, sourceMap: true, inlineSources: true } },
  typecheckTests: true,
  // The test task type-checks the whole suite with tsc first; ts-jest then only transpiles (a type-checking ts-jest
  // spent ~3 s per suite building a language service: the suite took 6 minutes on a 2-core machine, now about one).
  tsJestOptions: {
    transformOptions: {
      isolatedModules: true,
      tsconfig: typescript.TsJestTsconfig.fromFile('test/tsconfig.json'),
    },
  },
  eslintOptions: {
    dirs: ['src'],
    ignorePatterns: ['src/imports/*.ts', '*.d.ts', 'node_modules/'],
  },
  gitignore: ['/dist/', '/.bench/', '/.fuzz/'],
});

// The layers of src/ (docs/architecture.md) run one way: a layer imports only the layers below it, and no module
// cycle exists, type-only imports included (import/no-cycle ignores `import type`, so that syntax is not used in src;
// test/architecture.test.ts checks the same on the import graph TypeScript itself reads, every import counted).
const LAYERS: Record<string, string[]> = {
  values: ['values'],
  model: ['values', 'model'],
  rules: ['values', 'model', 'rules'],
  plan: ['values', 'model', 'rules', 'plan'],
  emit: ['values', 'emit', 'imports'],
  backends: ['values', 'model', 'emit', 'imports', 'backends'],
  constructs: ['values', 'model', 'rules', 'emit', 'backends', 'plan', 'imports', 'constructs'],
  cli: ['values', 'model', 'rules', 'plan', 'cli'],
};
project.eslint?.addOverride({
  files: ['src/**/*.ts'],
  rules: {
    'import/no-cycle': ['error', { ignoreExternal: true }],
    'import/no-restricted-paths': ['error', {
      zones: Object.entries(LAYERS).map(([layer, allowed]) => ({
        target: `./src/${layer}`,
        from: './src',
        except: allowed.map((a) => `./${a}`),
        message: `the ${layer} layer may import only ${allowed.join(', ')} (docs/architecture.md)`,
      })),
    }],
    'no-restricted-syntax': ['error',
      { selector: 'ImportDeclaration[importKind="type"]', message: 'use a plain import: import/no-cycle does not see type-only imports' },
      { selector: 'ImportSpecifier[importKind="type"]', message: 'use a plain import: import/no-cycle does not see type-only imports' }],
  },
});

// npm ci fails on projen's lockfile without this pin (see TOOLCHAIN notes: darwin bindings of 1.13 are not served).
project.package.addPackageResolutions('unrs-resolver@1.12.2');

// The source maps ship with the code they describe.
project.npmignore?.addPatterns('!/lib/**/*.js.map');

// `npx cdk8s-kubevirt-realtime plan host.xml --reserved-cpus 4 ...` (src/cli).
project.addBins({ 'cdk8s-kubevirt-realtime': 'lib/cli/bin.js' });

// examples/ needs its own tsconfig so eslint and ts-node can type-check it.
new javascript.TypescriptConfig(project, {
  fileName: 'examples/tsconfig.json',
  extends: javascript.TypescriptConfigExtends.fromPaths(['../tsconfig.json']),
  include: ['**/*.ts'],
  compilerOptions: { rootDir: '..', noEmit: true },
});
project.eslint?.addLintPattern('examples');
// The examples are apps, not the library: they use cdk8s-plus (a dev dependency) like a user's app does.
project.eslint?.allowDevDeps('examples/**');

const importTask = project.addTask('import', {
  description: 'Regenerate the typed L1 bindings in src/imports/ from the vendored CRDs in crds/',
});
for (const [name, file] of Object.entries(CRD_IMPORTS)) {
  importTask.exec(`cdk8s import --no-check-upgrade --language typescript --output src/imports ${name}:=${file}`);
}
// The scope (Namespaced / Cluster) of every vendored kind, which decides whether an emitted object carries a namespace.
importTask.exec('ts-node --project projenrc/tsconfig.json projenrc/generate-crd-scopes.ts');

// API.md documents this library's own types. The generated L1 submodules (kubevirt, hco, ...) would add ~3 MB of
// text copied from the CRD descriptions; their reference is the CRDs in crds/ and the sources in src/imports/.
project.tasks.tryFind('docgen')?.reset('jsii-docgen -o API.md --submodule root');

// docs/troubleshooting.md is rendered from the finding-code registry after every compile, so a stale guide shows up
// as a working-tree change in CI (and test/rules/troubleshooting.test.ts fails on hand edits).
const docsTask = project.addTask('docs', {
  description: 'Render docs/troubleshooting.md from the finding-code registry',
  exec: 'node -e "require(\'./lib/rules/troubleshooting\').writeTroubleshootingGuide(\'docs/troubleshooting.md\')"',
});
project.postCompileTask.spawn(docsTask);

// Issue #5: synthesis benchmark against raw cdk8s with budgets (docs/performance.md). Not part of build/test: a run
// takes minutes. Compiled with tsc and run with plain node (ts-node's compiler in memory would distort RSS).
const bench = project.addTask('bench', {
  description: 'Synthesis benchmark against raw cdk8s with budgets (docs/performance.md); not part of build/test',
});
bench.spawn(project.compileTask);
bench.exec('tsc -p bench/tsconfig.json');
bench.exec('node .bench/bench/run.js', { receiveArgs: true });
project.npmignore?.exclude('/bench/', '/.bench/');
// The package is the compiled library and its docs: no CI script, no examples (they import ../src), no vendored
// schemas (only tests read them; the library carries what it needs in src/imports/).
project.npmignore?.exclude('/.ci/', '/examples/', '/crds/', '/schemas/', '/fuzz/', '/.fuzz/');

// Generated cases against every public entry point (docs/fuzzing.md): run on demand, not part of build or test.
const fuzz = project.addTask('fuzz', {
  description: 'Generated cases against every public entry point with one set of invariants (docs/fuzzing.md); not part of build/test',
});
fuzz.exec('tsc -p fuzz/tsconfig.json');
fuzz.exec('node .fuzz/fuzz/run.js', { receiveArgs: true });
project.eslint?.addLintPattern('fuzz');
project.eslint?.addLintPattern('bench');

project.addTask('test:coverage', {
  description: 'Run the tests with a coverage report (coverage/)',
  exec: 'jest --passWithNoTests --ci --coverage',
});

project.addTask('examples', {
  description: 'Synthesize every examples/*.ts app into dist/examples/',
  // projen's task shell has no loops, so the loop runs in bash.
  exec: 'bash -c \'shopt -s nullglob; for f in examples/*.ts; do ts-node --project examples/tsconfig.json "$f" || exit 1; done\'',
});

project.synth();
