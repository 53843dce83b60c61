import { capacityOf, describeLimit, VmCapacity } from './capacity';
import { capacityOptionsOf, isNodeCount } from './pool-options';
import { checkShape } from './shape-check';
import { CpuPartition } from '../../values/host/cpu-partition';
import { checkProps, checkValue, Prop, PropSchema } from '../../values/prop-check';
import { RealtimeNodePoolModel } from '../pool/pool-model';
import { VmShape } from '../vm/vm-shape';

/** How the cluster places VMs on a pool, beyond what the pool itself declares. */
export interface PoolCapacityOptions {
  /**
   * KubeVirt completes isolated emulator CPUs to an even count (AlignCPUs with the
   * `alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity` annotation).
   *
   * @default false
   */
  readonly emulatorThreadEvenParity?: boolean;

  /**
   * The VM's name, for the sentence.
   *
   * @default "the VM"
   */
  readonly vmName?: string;
}

/** How many VMs of one shape a node pool runs: per NUMA node, per node and, with a known node count, in total. */
export interface PoolCapacity {
  /** The pool's role. */
  readonly role: string;
  /** The per-NUMA-node packing of one node (pod CPUs, huge pages per VM, limits, reasons, planned CPU map). */
  readonly capacity: VmCapacity;
  /** VMs of this shape one node of the pool runs. */
  readonly perNode: number;
  /**
   * The pool's declared node count.
   *
   * @default - not declared
   */
  readonly nodeCount?: number;
  /**
   * VMs of this shape the whole pool runs (`perNode × nodeCount`).
   *
   * @default - unknown without a node count
   */
  readonly total?: number;
  /** One sentence: the counts and what stops one more VM. */
  readonly reason: string;
}

const POOL_CAPACITY_OPTIONS_SCHEMA: PropSchema<PoolCapacityOptions> = {
  emulatorThreadEvenParity: Prop.boolean(),
  vmName: Prop.string(true),
};

/** What poolCapacityFor reads of a pool model (its huge pages are checked by capacityOf). */
const POOL_MODEL = Prop.satisfies('a RealtimeNodePoolModel (RealtimeNodePool.model)', (v) => {
  if (v === null || typeof v !== 'object') return false;
  const m = v as Partial<Record<keyof RealtimeNodePoolModel, unknown>>;
  return m.partition instanceof CpuPartition && typeof m.role === 'string' && typeof m.fullPcpusOnly === 'boolean'
    && Array.isArray(m.hugepages);
}, 'pass the model of a RealtimeNodePool (pool.model)');

/**
 * How many VMs of `shape` fit on a node pool, per NUMA node and per node, and why not more.
 *
 * Each VM is kept inside one NUMA node (what `single-numa-node` enforces and what a real-time VM wants under any
 * policy), with the kubelet static CPU manager's whole-core rule under `full-pcpus-only`, and the pool's own huge
 * page layout. This is `capacityOf` (src/plan/capacity.ts) applied to the pool's model; nothing is recomputed here.
 *
 * @param pool the pool's model (`RealtimeNodePool.model`)
 * @param shape the VM (`RealtimeVirtualMachine.shape`)
 */
export function poolCapacityFor(pool: RealtimeNodePoolModel, shape: VmShape, options: PoolCapacityOptions = {}): PoolCapacity {
  checkValue(pool, POOL_MODEL, 'poolCapacityFor(pool)');
  checkShape(shape, 'poolCapacityFor(shape)');
  checkProps(options, POOL_CAPACITY_OPTIONS_SCHEMA, [], 'poolCapacityFor options');
  const capacity = capacityOf(pool.partition, shape, capacityOptionsOf(pool, options.emulatorThreadEvenParity ?? false));
  const perNode = capacity.total;
  const nodeCount = isNodeCount(pool.nodeCount) ? pool.nodeCount : undefined;
  const total = nodeCount !== undefined ? perNode * nodeCount : undefined;
  const perNuma = capacity.perNumaNode.map((n) => `NUMA node ${n.numaNode}: ${n.vms}`).join(', ');
  const limits = capacity.limitedBy.map((l) => describeLimit(l, capacity.hugePageSize)).join(' and ') || 'nothing';
  const onPool = total !== undefined ? `, ${total} on the pool's ${nodeCount} node${nodeCount === 1 ? '' : 's'}` : '';
  return {
    role: pool.role,
    capacity,
    perNode,
    ...(nodeCount !== undefined ? { nodeCount, total } : {}),
    reason: `Pool ${pool.role}: ${perNode} VM${perNode === 1 ? '' : 's'} of ${options.vmName ?? 'the VM'} per node (${perNuma})${onPool}; `
      + `limited by ${limits}.`,
  };
}
