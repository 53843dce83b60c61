import { cpusOffline } from './cpu-offline-unit';
import { hugePageAllocation } from './hugepage-units';
import { kubeletStateCleanupUnit } from './kubelet-state-cleanup-unit';
import { NodeFile, NodeUnit } from './node-file';
import { sysctlFile } from './sysctl-file';
import { NodeTuningPlan } from '../../model/pool/node-tuning-plan';

/** Everything a systemd node needs besides its kernel arguments and kubelet configuration. */
export interface NodeState {
  /** The sysctl.d file, then the scripts of the units (huge pages, CPU offlining). */
  readonly files: NodeFile[];
  /**
   * The kubelet state cleanup unit (when the kubelet runs a CPU or memory manager policy), the CPU offlining unit, then one
   * huge page unit per (size, node).
   */
  readonly units: NodeUnit[];
}

/** The node files and units of a plan, in a fixed order. */
export function nodeStateOf(plan: NodeTuningPlan): NodeState {
  const offline = cpusOffline(plan.offlinedCpus);
  const hugePages = hugePageAllocation(plan.numaHugePages);
  const managesResources = plan.kubelet.cpuManagerPolicy !== undefined || plan.kubelet.memoryManagerPolicy !== undefined;
  return {
    files: [...sysctlFile(plan.role, plan.sysctls), ...offline.files, ...hugePages.files],
    units: [...(managesResources ? [kubeletStateCleanupUnit()] : []), ...offline.units, ...hugePages.units],
  };
}
