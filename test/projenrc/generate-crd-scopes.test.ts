import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { crdScopes, renderCrdScopes } from '../../projenrc/generate-crd-scopes';
import { CRD_SCOPES } from '../../src/imports/crd-scopes';

const ROOT = path.join(__dirname, '..', '..');

describe('src/imports/crd-scopes.ts', () => {
  test('is what the generator makes of the vendored CRDs (run `npx projen import` after changing crds/)', () => {
    const committed = fs.readFileSync(path.join(ROOT, 'src', 'imports', 'crd-scopes.ts'), 'utf8');
    expect(committed).toBe(renderCrdScopes(crdScopes(path.join(ROOT, 'crds'))));
  });

  test('takes the scope from each CRD: node-level OpenShift kinds are cluster-scoped, VMs and the KubeVirt CR namespaced', () => {
    expect(CRD_SCOPES['machineconfiguration.openshift.io/MachineConfig']).toBe('Cluster');
    expect(CRD_SCOPES['performance.openshift.io/PerformanceProfile']).toBe('Cluster');
    expect(CRD_SCOPES['kubevirt.io/VirtualMachine']).toBe('Namespaced');
    expect(CRD_SCOPES['tuned.openshift.io/Tuned']).toBe('Namespaced');
  });

  test('refuses a CRD without a scope', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crds-'));
    fs.writeFileSync(path.join(dir, 'x.yaml'), 'kind: CustomResourceDefinition\nspec:\n  group: example.com\n  names:\n    kind: X\n');
    expect(() => crdScopes(dir)).toThrow(/a CRD without spec.group, spec.names.kind or a known spec.scope/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
