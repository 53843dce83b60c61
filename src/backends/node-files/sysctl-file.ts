import { MODE_READABLE, NodeFile } from './node-file';

// The pool's kernel parameters as one sysctl.d file: systemd-sysctl applies it at every boot, before the kubelet and
// before any VM starts. One file per pool with a fixed name, so a change replaces it instead of adding a second one.

/** The sysctl.d file of the pool (the same path the OpenShift MachineConfig writes). */
export const POOL_SYSCTL_PATH = '/etc/sysctl.d/99-kubevirt-realtime.conf';

/** The file text: a header naming the pool, then `key = value` lines sorted by key (stable output). */
export function sysctlFileContents(role: string, sysctls: { [key: string]: string }): string {
  const keys = Object.keys(sysctls).sort();
  return [
    `# Written by cdk8s-kubevirt-realtime (node pool ${role}): the real-time host settings.`,
    '# kernel.sched_rt_runtime_us = -1 lets SCHED_FIFO vCPUs run unthrottled; KubeVirt labels the node',
    '# kubevirt.io/realtime only when it is -1.',
    ...keys.map((key) => `${key} = ${sysctls[key]}`),
    '',
  ].join('\n');
}

/** The sysctl.d file; none when there is nothing to set. */
export function sysctlFile(role: string, sysctls: { [key: string]: string }): NodeFile[] {
  if (Object.keys(sysctls).length === 0) return [];
  return [{ path: POOL_SYSCTL_PATH, contents: sysctlFileContents(role, sysctls), mode: MODE_READABLE }];
}
