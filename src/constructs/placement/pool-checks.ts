import { ClusterFacts, clusterFactsDuringValidation } from './cluster-facts';
import { PlacedVm, placedVmsOf } from './placed-vms';
import { poolCapacityFindings } from '../../rules/placement-rules';
import { Finding } from '../../values/finding';
import { reportFindings } from '../app/warnings';
import { RealtimeNodePool } from '../pool/realtime-node-pool';

const POOL_CHECKS = Symbol.for('cdk8s-kubevirt-realtime.poolPlacementChecks');

/**
 * Registers, once per pool, the check of all VMs placed on it against its declared node count. It runs at synth,
 * when every VM of the app has been placed, and fails on the pool (its construct path prefixes the message).
 */
export function ensurePoolChecks(pool: RealtimeNodePool): void {
  if ((pool as any)[POOL_CHECKS] === true) return;
  Object.defineProperty(pool, POOL_CHECKS, { value: true, enumerable: false });
  let last: { readonly vms: PlacedVm[]; readonly cluster: ClusterFacts; readonly findings: readonly Finding[] } | undefined;
  reportFindings(pool, () => {
    const vms = placedVmsOf(pool);
    const cluster = clusterFactsDuringValidation(pool);
    // The same VMs (whose shapes and paths never change) under the same facts pack the same way: cdk8s validates the
    // whole app again for each chart it synthesizes, and packing thousands of VMs each time is the costly part.
    if (last === undefined || last.cluster !== cluster || !sameItems(last.vms, vms)) {
      const findings = poolCapacityFindings(pool.model, vms.map((vm) => ({ path: vm.node.path, shape: vm.shape })), cluster);
      last = { vms, cluster, findings };
    }
    return last.findings;
  });
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
