import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
// In your own project: import { ... } from 'cdk8s-kubevirt-realtime';
import {
  BootDisk, CloudInit, CpuPartition, HostTopology, HugePageSize, KubeVirtConfiguration, KubeVirtVersion, RealtimeMask,
  RealtimeNodePool, RealtimeVirtualMachine,
} from '../src';

// An ordinary app chart: namespaced, with cdk8s-plus objects next to the library's. A soft-PLC VM runs on a pool of
// 2 x 12 x 2 SMT servers; cdk8s-plus gives it a Service (Modbus/TCP on 502) and a NetworkPolicy that lets only the
// HMI pods reach it, and its cloud-init user data comes from a Secret in the same chart. The VM selects like a
// Deployment: `selector: vm` resolves to the labels of its virt-launcher pod (`podLabels` plus `kubevirt.io/vm`).
// The node-level objects (MachineConfigPool, MachineConfig, KubeletConfig) are cluster-scoped and come out without
// the chart's namespace; the Tuned object and the KubeVirt CR keep their fixed namespaces.

/** The example's chart, in namespace `plc` unless `props` says otherwise. */
export function buildPlcComposition(app: App, props: ChartProps = {}): Chart {
  const chart = new Chart(app, 'plc-composition', { namespace: 'plc', ...props });
  new KubeVirtConfiguration(chart, 'KubeVirt', { version: KubeVirtVersion.V1_9 });

  const host = HostTopology.uniform({ numaNodes: 2, coresPerSocket: 12, threadsPerCore: 2, memoryPerNumaNode: Size.gibibytes(64) });
  const pool = new RealtimeNodePool(chart, 'Pool', {
    role: 'worker-rt',
    topology: host,
    partition: CpuPartition.plan(host, { reservedCpuCount: 4, splitAcrossNumaNodes: true }),
    hugepages: [{ size: HugePageSize.ONE_GI, count: 24, numaNode: 0 }, { size: HugePageSize.ONE_GI, count: 24, numaNode: 1 }],
    nodeCount: 2,
  });

  // No credentials in the user data: an SSH key would go in a Secret of its own (sshPublicKeySecrets).
  const userData = new kplus.Secret(chart, 'plc-1-cloud-init', {
    stringData: { userdata: '#cloud-config\nruncmd:\n  - systemctl enable --now codesys-runtime\n' },
  });

  const vm = new RealtimeVirtualMachine(chart, 'plc-1', {
    // Two whole cores, two threads each: the guest sees the SMT siblings the kubelet pins it to.
    topology: { sockets: 1, cores: 2, threads: 2 },
    memory: Size.gibibytes(8),
    realtimeMask: RealtimeMask.parse('1-3'), // vCPU 0 keeps the guest's housekeeping
    bootDisk: BootDisk.dataVolume('plc-rootfs'),
    cloudInit: CloudInit.fromSecret(userData.name),
    podLabels: { app: 'plc' },
    nodePool: pool,
  });

  new kplus.Service(chart, 'modbus', { selector: vm, ports: [{ port: 502, targetPort: 502 }] });
  const hmi = kplus.Pods.select(chart, 'hmi', { labels: { app: 'hmi' } });
  const policy = new kplus.NetworkPolicy(chart, 'plc-ingress', { selector: vm });
  policy.addIngressRule(hmi, [kplus.NetworkPolicyPort.tcp(502)]);
  return chart;
}

/** Synthesizes the example into `outdir` (what `npx projen examples` runs; CDK8S_OUTDIR lets tests choose). */
export function main(outdir: string = process.env.CDK8S_OUTDIR ?? 'dist/examples'): void {
  const app = new App({ outdir });
  buildPlcComposition(app);
  app.synth();
}

if (require.main === module) main();
