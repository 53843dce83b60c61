// The raw side: the same manifests written as plain cdk8s ApiObjects, the way someone who writes the YAML by hand
// would write them: object literals with the values filled in, nothing computed, nothing validated. It must never
// import the library (its process measures cdk8s alone).
import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { DiskKind, HardwareSpec, PoolSpec, VmSpec, Workload } from './workload';

const ROLE_LABEL = 'machineconfiguration.openshift.io/role';

/** Builds the app (constructs only). */
export function buildRawApp(w: Workload): App {
  const app = new App();
  const chart = new Chart(app, 'bench');
  new ApiObject(chart, 'kubevirt', kubevirtCr());
  // Each pool's objects in a group, so a VM can be ordered after its pool's node tuning (cdk8s orders dependencies
  // first in the YAML stream).
  const groups = new Map<string, Construct>();
  for (const pool of w.pools) {
    const group = new Construct(chart, pool.id);
    new ApiObject(group, 'mcp', machineConfigPool(pool));
    new ApiObject(group, 'mc', machineConfig(pool));
    new ApiObject(group, 'kc', kubeletConfig(pool));
    new ApiObject(group, 'tuned', tuned(pool));
    groups.set(pool.id, group);
  }
  for (const vm of w.vms) new ApiObject(chart, vm.name, virtualMachine(vm)).addDependency(groups.get(vm.pool.id)!);
  return app;
}

function kubevirtCr(): any {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'KubeVirt',
    metadata: { name: 'kubevirt', namespace: 'kubevirt' },
    spec: { configuration: { developerConfiguration: { featureGates: ['CPUManager', 'NUMA'] } } },
  };
}

/** A VirtualMachine as the KubeVirt real-time guide writes it. */
export function virtualMachine(vm: VmSpec): any {
  const vcpus = vm.vcpus ?? vm.topology!.sockets * vm.topology!.cores * vm.topology!.threads;
  const memory = vm.memoryMi % 1024 === 0 ? `${vm.memoryMi / 1024}Gi` : `${vm.memoryMi}Mi`;
  const bootDisk = vm.disk === DiskKind.PVC ? 'rootdisk' : 'containerdisk';
  const disks = [{ name: bootDisk, disk: { bus: 'virtio' } }];
  const volumes: any[] = [vm.disk === DiskKind.PVC
    ? { name: 'rootdisk', persistentVolumeClaim: { claimName: vm.claimName } }
    : { name: 'containerdisk', containerDisk: { image: vm.image } }];
  if (vm.cloudInitSecret) {
    disks.push({ name: 'cloudinitdisk', disk: { bus: 'virtio' } });
    volumes.push({ name: 'cloudinitdisk', cloudInitNoCloud: { secretRef: { name: vm.cloudInitSecret } } });
  }
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: vm.name, namespace: vm.namespace, labels: { ...vm.labels, 'kubevirt.io/vm': vm.name } },
    spec: {
      runStrategy: vm.halted ? 'Halted' : 'Always',
      template: {
        metadata: { labels: { 'kubevirt.io/vm': vm.name } },
        spec: {
          accessCredentials: vm.sshKeySecret
            ? [{ sshPublicKey: { source: { secret: { secretName: vm.sshKeySecret } }, propagationMethod: { noCloud: {} } } }]
            : undefined,
          domain: {
            cpu: {
              sockets: vm.topology?.sockets,
              cores: vm.topology?.cores,
              threads: vm.topology?.threads,
              model: 'host-passthrough',
              dedicatedCpuPlacement: true,
              isolateEmulatorThread: vm.isolateEmulatorThread ? true : undefined,
              // No CPU hot-plug slots (kubevirt#17248): the guest's sockets.
              maxSockets: vm.topology?.sockets ?? vcpus,
              features: [{ name: 'tsc-deadline', policy: 'require' }],
              numa: { guestMappingPassthrough: {} },
              realtime: vm.mask === '' ? {} : { mask: vm.mask },
            },
            devices: {
              autoattachGraphicsDevice: false,
              autoattachMemBalloon: false,
              autoattachSerialConsole: true,
              disks,
            },
            ioThreadsPolicy: 'auto',
            memory: { hugepages: { pageSize: vm.pageSize } },
            resources: {
              requests: { cpu: vcpus, memory },
              limits: { cpu: vcpus, memory },
            },
          },
          evictionStrategy: 'None',
          nodeSelector: { [`node-role.kubernetes.io/${vm.pool.role}`]: '' },
          terminationGracePeriodSeconds: 180,
          volumes,
        },
      },
    },
  };
}

function machineConfigPool(pool: PoolSpec): any {
  return {
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfigPool',
    metadata: { name: pool.role, labels: { [ROLE_LABEL]: pool.role } },
    spec: {
      machineConfigSelector: { matchExpressions: [{ key: ROLE_LABEL, operator: 'In', values: ['worker', pool.role] }] },
      nodeSelector: { matchLabels: { [`node-role.kubernetes.io/${pool.role}`]: '' } },
      maxUnavailable: 1,
      paused: false,
    },
  };
}

function hugePageArgs(hw: HardwareSpec): string[] {
  return hw.boot2MiPages > 0
    ? ['hugepagesz=2M', `hugepages=${hw.boot2MiPages}`, 'hugepagesz=1G', 'hugepages=0']
    : ['default_hugepagesz=1G', 'hugepagesz=1G', 'hugepages=0'];
}

function machineConfig(pool: PoolSpec): any {
  const hw = pool.hardware;
  const name = `50-${pool.role}-realtime`;
  const units: any[] = [];
  for (let node = 0; node < hw.numaNodes; node++) {
    units.push({ name: `hugepages-allocation-1048576kB-NUMA${node}.service`, enabled: true, contents: hugePageUnit(hw.pinned1GiPerNode, node) });
  }
  return {
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'MachineConfig',
    metadata: { name, labels: { [ROLE_LABEL]: pool.role } },
    spec: {
      kernelType: 'realtime',
      kernelArguments: [
        `isolcpus=managed_irq,${hw.isolated}`,
        'nohz=on',
        `nohz_full=${hw.isolated}`,
        `rcu_nocbs=${hw.isolated}`,
        `irqaffinity=${hw.reserved}`,
        `systemd.cpu_affinity=${hw.reserved}`,
        'skew_tick=1',
        'tsc=reliable',
        'nosoftlockup',
        'rcutree.kthread_prio=11',
        ...hugePageArgs(hw),
      ],
      config: {
        ignition: { version: '3.2.0' },
        storage: {
          files: [
            { path: '/etc/sysctl.d/99-kubevirt-realtime.conf', mode: 0o644, overwrite: true, contents: { source: dataUrl(sysctlFile(name)) } },
            { path: '/usr/local/bin/kubevirt-rt-hugepages-allocation.sh', mode: 0o755, overwrite: true, contents: { source: dataUrl(HUGEPAGES_SCRIPT) } },
          ],
        },
        systemd: { units },
      },
    },
  };
}

function kubeletConfig(pool: PoolSpec): any {
  const smt = pool.hardware.threadsPerCore > 1;
  return {
    apiVersion: 'machineconfiguration.openshift.io/v1',
    kind: 'KubeletConfig',
    metadata: { name: `${pool.role}-realtime` },
    spec: {
      machineConfigPoolSelector: { matchLabels: { [ROLE_LABEL]: pool.role } },
      kubeletConfig: {
        cpuManagerPolicy: 'static',
        cpuManagerReconcilePeriod: '5s',
        reservedSystemCPUs: pool.hardware.reserved,
        topologyManagerPolicy: 'single-numa-node',
        cpuManagerPolicyOptions: smt ? { 'full-pcpus-only': 'true' } : undefined,
        memoryManagerPolicy: 'Static',
        reservedMemory: [{ numaNode: 0, limits: { memory: '1100Mi' } }],
        kubeReserved: { memory: '500Mi' },
        systemReserved: { memory: '500Mi' },
        evictionHard: { 'imagefs.available': '15%', 'nodefs.available': '10%', 'nodefs.inodesFree': '5%', 'memory.available': '100Mi' },
      },
    },
  };
}

function tuned(pool: PoolSpec): any {
  const name = `${pool.role}-realtime`;
  return {
    apiVersion: 'tuned.openshift.io/v1',
    kind: 'Tuned',
    metadata: { name, namespace: 'openshift-cluster-node-tuning-operator' },
    spec: {
      profile: [{ name, data: tunedProfile(pool) }],
      recommend: [{ profile: name, priority: 20, machineConfigLabels: { [ROLE_LABEL]: pool.role } }],
    },
  };
}

function dataUrl(text: string): string {
  return `data:text/plain;charset=utf-8;base64,${Buffer.from(text, 'utf8').toString('base64')}`;
}

function sysctlFile(machineConfigName: string): string {
  return `# Written by cdk8s-kubevirt-realtime (MachineConfig ${machineConfigName}).
# No run-time limit for SCHED_FIFO/RR threads: real-time vCPUs must not be throttled, and KubeVirt labels the
# node kubevirt.io/realtime only when this is -1. The Tuned profile of the pool sets the same value.
kernel.sched_rt_runtime_us = -1
`;
}

const HUGEPAGES_SCRIPT = `#!/bin/bash
# Written by cdk8s-kubevirt-realtime. Sets the huge pages of one size on one NUMA node.
# Environment: HUGEPAGES_COUNT, HUGEPAGES_SIZE_KB, NUMA_NODE.
set -eu
nr="/sys/devices/system/node/node\${NUMA_NODE}/hugepages/hugepages-\${HUGEPAGES_SIZE_KB}kB/nr_hugepages"
for attempt in $(seq 1 60); do
  echo "\${HUGEPAGES_COUNT}" > "\${nr}"
  got="$(cat "\${nr}")"
  if [ "\${got}" -eq "\${HUGEPAGES_COUNT}" ]; then
    exit 0
  fi
  echo "attempt \${attempt}: \${got} of \${HUGEPAGES_COUNT} pages of \${HUGEPAGES_SIZE_KB}kB on NUMA node \${NUMA_NODE}" >&2
  echo 1 > /proc/sys/vm/compact_memory || true
  sleep 1
done
exit 1
`;

function hugePageUnit(count: number, node: number): string {
  return `[Unit]
Description=Allocate ${count} huge pages of 1Gi on NUMA node ${node}
Before=kubelet.service

[Service]
Type=oneshot
RemainAfterExit=true
Environment=HUGEPAGES_COUNT=${count}
Environment=HUGEPAGES_SIZE_KB=1048576
Environment=NUMA_NODE=${node}
ExecStart=/usr/local/bin/kubevirt-rt-hugepages-allocation.sh

[Install]
WantedBy=multi-user.target
`;
}

function tunedProfile(pool: PoolSpec): string {
  return `[main]
summary=Real-time KVM host for KubeVirt (pool ${pool.role}); generated by cdk8s-kubevirt-realtime
# Where this differs from the Node Tuning Operator's profile, and why: docs/tuned-vs-nto.md in cdk8s-kubevirt-realtime.
include=openshift-node,realtime-virtual-host

[variables]
# realtime-virtual-host asserts that every isolated CPU is online; offlined CPUs are never isolated.
isolated_cores=${pool.hardware.isolated}

[bootloader]
# Kernel arguments belong to MachineConfig 50-${pool.role}-realtime alone. replace=true drops the cmdline_*
# keys of the included profiles, so NTO renders no second MachineConfig (no duplicate argument, no second reboot).
replace=true

[cpu]
# NTO's limit: C-state 1's exit latency even when it is 0 (latency-performance skips a 0 and allows 3 us).
force_latency=cstate.id:1|3

[net]
# realtime sets channels=combined <queue count>; with no count configured TuneD resizes every NIC to one queue
# per CPU (ethtool -L). NTO changes no NIC queues: drop it (nf_conntrack_hashsize from openshift stays).
drop=channels

[sysctl]
# The real-time kernel has none of these (network-latency sets them); TuneD would log an error for each.
drop=kernel.numa_balancing,net.core.busy_read,net.core.busy_poll
kernel.sched_rt_runtime_us=-1
kernel.nmi_watchdog=0
kernel.hung_task_timeout_secs=600
vm.stat_interval=10
kernel.timer_migration=1

[scheduler]
# group.<name>=<rule priority>:<policy>:<priority>:<affinity>:<regex>; FIFO 11 preempts the vCPUs (FIFO 1).
group.ksoftirqd=0:f:11:*:ksoftirqd.*
group.rcuc=0:f:11:*:rcuc.*
group.rcub=0:f:11:*:rcub.*
group.ktimers=0:f:11:*:ktimers.*
group.ktimersoftd=0:f:11:*:ktimersoftd.*
# Never moved off the isolated CPUs (NTO's list): threads that pin themselves.
ps_blacklist=.*pmd.*;.*PMD.*;^DPDK;.*qemu-kvm.*;^contrail-vroute$;^lcore-slave-.*;^rte_mp_handle$;^rte_mp_async$;^eal-intr-thread$

[service]
# fwupd-refresh.timer (on by default from RHEL 10) triggers firmware refreshes that can cause SMIs on every CPU.
service.fwupd-refresh.timer=stop,disable
# stalld boosts threads starved by busy real-time vCPUs for a moment (NTO enables it for real-time profiles).
service.stalld=start,enable
`;
}
