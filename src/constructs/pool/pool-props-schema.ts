import { NodeTaint } from '../../values/pool/node-taint';
import { PoolBackend } from '../../values/pool/pool-backend';
import { HugePageAllocation, RealtimeNodePoolProps } from '../../values/pool/pool-props';
import { TopologyManagerPolicy } from '../../values/pool/topology-manager-policy';
import { Prop, PropSchema } from '../../values/prop-check';
import { TaintEffect } from '../../values/vm/taint-effect';
import { HUGE_PAGE_SIZE, SIZE } from '../../values/vm/vm-settings-schema';

const NODE_TAINT: PropSchema<NodeTaint> = {
  key: Prop.string(),
  value: Prop.string(true),
  effect: Prop.oneOf(TaintEffect, 'TaintEffect'),
};

const HUGE_PAGES: PropSchema<HugePageAllocation> = {
  size: HUGE_PAGE_SIZE,
  count: Prop.wholeNumber(),
  numaNode: Prop.wholeNumber(),
};

/** The runtime types of a RealtimeNodePool's props (see prop-check.ts); values are checked by the pool rules. */
export const POOL_PROPS_SCHEMA: PropSchema<RealtimeNodePoolProps> = {
  role: Prop.string(true),
  backend: Prop.oneOf(PoolBackend, 'PoolBackend'),
  topology: Prop.withMethod('cpusOfNumaNode', 'a HostTopology',
    'pass HostTopology.fromLscpu(...), fromVirshCapabilities(...) or uniform(...)'),
  partition: Prop.withMethod('isolatedOfNumaNode', 'a CpuPartition',
    'pass CpuPartition.plan(topology, ...) or CpuPartition.explicit(topology, ...)'),
  hugepages: Prop.arrayOf(Prop.struct(HUGE_PAGES, ['size', 'count'], 'a HugePageAllocation { size, count, numaNode }')),
  defaultHugePageSize: HUGE_PAGE_SIZE,
  realtimeKernel: Prop.boolean(),
  topologyManagerPolicy: Prop.oneOf(TopologyManagerPolicy, 'TopologyManagerPolicy'),
  balanceIsolated: Prop.boolean(),
  additionalKernelArgs: Prop.arrayOf(Prop.string(true)),
  highPowerConsumption: Prop.boolean(),
  perPodPowerManagement: Prop.boolean(),
  maxUnavailable: Prop.wholeNumber(),
  paused: Prop.boolean(),
  nodeCount: Prop.wholeNumber(),
  kubeReservedMemory: SIZE,
  systemReservedMemory: SIZE,
  evictionHardMemory: SIZE,
  nodeTaints: Prop.arrayOf(Prop.struct(NODE_TAINT, ['key', 'effect'], 'a NodeTaint { key, value, effect }')),
  talosVersion: Prop.withMethod('atLeast', 'a TalosVersion', 'use TalosVersion.V1_13 or TalosVersion.of("1.13.9")'),
  talosInstallerImage: Prop.string(),
  kubeletDropInDirectory: Prop.string(),
};
