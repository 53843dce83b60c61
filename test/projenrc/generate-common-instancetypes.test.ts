import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { bundleSpecs, renderCommonInstancetypes } from '../../projenrc/generate-common-instancetypes';
import { COMMON_CLUSTER_INSTANCETYPES, COMMON_CLUSTER_PREFERENCES, COMMON_INSTANCETYPES_VERSION } from '../../src/imports/common-instancetypes';
import { expectValidAgainstCrds } from '../schema-validator';

const ROOT = path.join(__dirname, '..', '..');
const BUNDLES = path.join(ROOT, 'crds', 'common-instancetypes');

describe('src/imports/common-instancetypes.ts', () => {
  test('is what the generator makes of the vendored bundles (run `npx projen import` after changing them)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'src', 'imports', 'common-instancetypes.ts'), 'utf8')).toBe(renderCommonInstancetypes(BUNDLES));
  });

  test('holds every instance type and preference of the release, specs as KubeVirt reads them', () => {
    expect(COMMON_INSTANCETYPES_VERSION).toBe('v1.7.0');
    expect(Object.keys(COMMON_CLUSTER_INSTANCETYPES)).toHaveLength(65);
    expect(Object.keys(COMMON_CLUSTER_PREFERENCES)).toHaveLength(54);
    expect(COMMON_CLUSTER_INSTANCETYPES['rt1.micro'].cpu).toMatchObject({ guest: 1, dedicatedCPUPlacement: true, realtime: {} });
    expect(COMMON_CLUSTER_PREFERENCES['rhel.9.realtime'].cpu).toEqual({ preferredCPUTopology: 'spread', spreadOptions: { across: 'SocketsCoresThreads' } });
  });

  test('refuses a bundle document without a name, and a name defined twice', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundles-'));
    const doc = 'kind: VirtualMachineClusterPreference\nmetadata:\n  name: a\nspec: {}\n';
    fs.writeFileSync(path.join(dir, 'x-bundle-v1.0.0.yaml'), `${doc}---\n${doc}`);
    expect(() => bundleSpecs(dir, 'VirtualMachineClusterPreference')).toThrow(/defined twice/);
    fs.writeFileSync(path.join(dir, 'x-bundle-v1.0.0.yaml'), 'kind: VirtualMachineClusterPreference\nspec: {}\n');
    expect(() => bundleSpecs(dir, 'VirtualMachineClusterPreference')).toThrow(/without metadata.name/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the vendored common-instancetypes bundles', () => {
  test('every instance type and preference is valid against the vendored instancetype.kubevirt.io CRDs', () => {
    const objects = fs.readdirSync(BUNDLES).filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => YAML.parseAllDocuments(fs.readFileSync(path.join(BUNDLES, f), 'utf8')).map((d) => d.toJS()));
    expect(objects).toHaveLength(65 + 54);
    expectValidAgainstCrds(objects);
  });
});
