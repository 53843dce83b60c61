import { App, Chart, ChartProps, Size } from 'cdk8s';
// In your own project: import { ... } from 'cdk8s-kubevirt-realtime';
import {
  BootDisk, CpuNumbering, CpuPartition, HostTopology, HugePageSize, KubeVirtConfiguration, KubeVirtVersion, NodeFiles,
  PoolBackend, RealtimeMask, RealtimeNodePool, RealtimeNodePoolProps, RealtimeVirtualMachine, ReviewPages, TaintEffect,
  TalosVersion,
} from '../src';

// The host of libvirt's real-time guide (2 NUMA nodes x 2 sockets x 4 cores, no SMT, 32 GiB and 26 x 1G pages per
// node) as one pool per backend, from the same props: OpenShift (MachineConfig, or one NTO PerformanceProfile), Talos
// (a TalosConfigTemplate plus the machine-config patch and the Image Factory schematic), Cluster API with kubeadm (a
// KubeadmConfigTemplate plus the image-builder vars for the kernel arguments), and any other distribution through a
// kubelet drop-in (files only). Every pool gets the same kernel arguments, kubelet settings and huge pages, and the
// same checks; what a backend cannot do is a warning and a section of its review page.
//
// The Cluster API templates belong to the management cluster, the VM to the workload cluster: separate charts.

/** The seed-002 host and its partition: 2 CPUs per NUMA node for the host (0-1,8-9), the other 12 isolated. */
function seed002Pool(role: string, backend: PoolBackend, extra: Partial<RealtimeNodePoolProps> = {}): RealtimeNodePoolProps {
  const topology = HostTopology.uniform({
    numaNodes: 2,
    socketsPerNumaNode: 2,
    coresPerSocket: 4,
    threadsPerCore: 1,
    memoryPerNumaNode: Size.gibibytes(32),
    numbering: CpuNumbering.SEQUENTIAL,
  });
  return {
    role,
    backend,
    topology,
    partition: CpuPartition.plan(topology, { reservedCpuCount: 4, splitAcrossNumaNodes: true }),
    // Per NUMA node, allocated through sysfs before the kubelet: also the one form Talos keeps in order (image-factory#154).
    hugepages: [{ size: HugePageSize.ONE_GI, count: 26, numaNode: 0 }, { size: HugePageSize.ONE_GI, count: 26, numaNode: 1 }],
    nodeCount: 2,
    ...extra,
  };
}

/** The taint the non-OpenShift pools register with; their VMs tolerate it. */
const REALTIME_TAINT = { key: 'realtime', value: 'true', effect: TaintEffect.NO_SCHEDULE };

/**
 * Four charts: the two OpenShift pools; the Cluster API templates (Talos and kubeadm) for the management cluster, in
 * namespace `rt-clusters`; and a k3s workload cluster whose pool is a kubelet drop-in, with a KubeVirt CR and a
 * tolerating real-time VM.
 */
export function buildNodeBackends(app: App, props: ChartProps = {}): Chart[] {
  const openshift = new Chart(app, 'seed-002-openshift', props);
  new RealtimeNodePool(openshift, 'MachineConfig', seed002Pool('rt-mc', PoolBackend.MACHINE_CONFIG));
  new RealtimeNodePool(openshift, 'PerformanceProfile', seed002Pool('rt-nto', PoolBackend.PERFORMANCE_PROFILE));

  const management = new Chart(app, 'seed-002-cluster-api', { namespace: 'rt-clusters', ...props });
  new RealtimeNodePool(management, 'Talos', seed002Pool('rt-talos', PoolBackend.TALOS, {
    // Talos has no PREEMPT_RT kernel: full preemption on its PREEMPT_DYNAMIC kernel instead.
    realtimeKernel: false,
    additionalKernelArgs: ['preempt=full'],
    // No systemd on Talos to pin its services to the housekeeping CPUs: keep the scheduler off the isolated ones.
    balanceIsolated: false,
    talosVersion: TalosVersion.V1_13,
    // Built by POSTing rt-talos/rt-talos.schematic.yaml to factory.talos.dev (the ID is the hash of the schematic).
    talosInstallerImage: 'factory.talos.dev/metal-installer/376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba:v1.13.9',
    nodeTaints: [REALTIME_TAINT],
  }));
  new RealtimeNodePool(management, 'Kubeadm', seed002Pool('rt-kubeadm', PoolBackend.CLUSTER_API_KUBEADM, {
    nodeTaints: [REALTIME_TAINT],
  }));

  const k3s = new Chart(app, 'seed-002-k3s', { namespace: 'realtime', ...props });
  new KubeVirtConfiguration(k3s, 'KubeVirt', { version: KubeVirtVersion.V1_9 });
  const pool = new RealtimeNodePool(k3s, 'DropIn', seed002Pool('rt-k3s', PoolBackend.KUBELET_DROP_IN, {
    kubeletDropInDirectory: '/var/lib/rancher/k3s/agent/etc/kubelet.conf.d',
    nodeTaints: [REALTIME_TAINT],
  }));
  new RealtimeVirtualMachine(k3s, 'rt-audio', {
    vcpus: 4,
    memory: Size.gibibytes(8),
    realtimeMask: RealtimeMask.parse('1-3'), // vCPU 0 keeps the guest's housekeeping
    bootDisk: BootDisk.containerDisk('quay.io/containerdisks/fedora:41'),
    tolerations: [{ key: 'realtime', value: 'true', effect: TaintEffect.NO_SCHEDULE }],
    nodePool: pool,
  });
  return [openshift, management, k3s];
}

/**
 * Synthesizes the example into `outdir`, the pools' files into `filesDir` (never into the YAML directory, which a
 * GitOps tool applies) and their review pages into `filesDir/review`.
 */
export function main(outdir: string = process.env.CDK8S_OUTDIR ?? 'dist/examples', filesDir: string = 'dist/node-files'): void {
  const app = new App({ outdir });
  buildNodeBackends(app);
  app.synth();
  NodeFiles.write(app, filesDir);
  ReviewPages.write(app, `${filesDir}/review`);
}

if (require.main === module) main();
