/**
 * The kubelet settings of a plan as one line for reboot notes: every field in its order, strings as they are,
 * everything else as compact JSON (`cpuManagerPolicy static, reservedSystemCPUs 0-1,8-9, kubeReserved {"memory":"500Mi"}`).
 */
export function kubeletSettingsSummary(kubelet: { [key: string]: unknown }): string {
  return Object.entries(kubelet).map(([key, value]) => `${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`).join(', ');
}
