// The fedora-realtime VM with its guest tuned from the VM itself: 4 vCPUs, vCPUs 1-3 real-time (SCHED_FIFO on the
// host, isolated in the guest by TuneD's realtime-virtual-guest profile), vCPU 0 left for the guest's housekeeping.
// The library writes the guest's cloud-config, this app's own settings merged in, into the Secret
// `fedora-realtime-tuned-guest-tuning` next to the VM; the guest installs TuneD, selects the profile and reboots once.
//
// A second VM, on Fedora CoreOS, gets the same tuning as Ignition.
//
// Run: npx ts-node --project examples/tsconfig.json examples/fedora-realtime-tuned.ts
// → dist/examples/fedora-realtime-tuned.k8s.yaml
import { App, Chart, ChartProps, Size } from 'cdk8s';
// In your own project: import { ... } from 'cdk8s-kubevirt-realtime';
import { BootDisk, CloudInit, GuestTuning, HugePageSize, RealtimeMask, RealtimeVirtualMachine } from '../src';

/**
 * The VM's own cloud-config: no credentials (it ends up in a Secret written in clear text with the manifests, so the
 * credential check applies as to inline data). Log in with `virtctl console`, or add keys with `sshPublicKeySecrets`.
 */
export const USER_CLOUD_CONFIG = [
  '#cloud-config',
  'hostname: fedora-realtime-tuned',
  'timezone: UTC',
  '',
].join('\n');

/** The real-time vCPUs: every vCPU but 0, which keeps the guest's IRQs, RCU callbacks and kernel threads. */
export const REALTIME_VCPUS = '1-3';

/** Adds the fedora-realtime-tuned chart (a cloud-init VM with its guest tuning Secret, and an Ignition VM) to `app`. */
export function buildFedoraRealtimeTuned(app: App, props: ChartProps = {}): Chart {
  const chart = new Chart(app, 'fedora-realtime-tuned', props);
  new RealtimeVirtualMachine(chart, 'fedora-realtime-tuned', {
    metadata: { name: 'fedora-realtime-tuned', namespace: 'poc' },
    vcpus: 4,
    memory: Size.gibibytes(2),
    hugePageSize: HugePageSize.ONE_GI,
    realtimeMask: RealtimeMask.parse(REALTIME_VCPUS),
    bootDisk: BootDisk.containerDisk('quay.io/kubevirt/fedora-realtime-container-disk:20211008_5a22acb18'),
    cloudInit: CloudInit.userData(USER_CLOUD_CONFIG),
    // Fedora ships no RT kernel, so rtKernel stays off; idle=poll as in OpenShift's real-time VM guide.
    guestTuning: GuestTuning.realtimeVirtualGuest({ extraKernelArgs: ['idle=poll'] }),
  });

  // The same tuning for a Fedora CoreOS guest, which runs Ignition instead of cloud-init: the kernel arguments derived
  // from the mask, the sysctl and irqbalance masked travel in the VM's `kubevirt.io/ignitiondata` annotation (the
  // app's KubeVirtConfiguration, if any, enables ExperimentalIgnitionSupport for it); users and SSH keys come from
  // the app's own Ignition config, merged by URL.
  new RealtimeVirtualMachine(chart, 'fcos-realtime', {
    metadata: { name: 'fcos-realtime', namespace: 'poc' },
    vcpus: 4,
    memory: Size.gibibytes(4),
    realtimeMask: RealtimeMask.parse(REALTIME_VCPUS),
    bootDisk: BootDisk.containerDisk('quay.io/containerdisks/fedora-coreos:stable'),
    guestTuning: GuestTuning.realtimeVirtualGuestIgnition({ extraKernelArgs: ['idle=poll'], mergeConfigUrls: ['https://ignition.example.com/fcos-realtime.ign'] }),
  });
  return chart;
}

/** Synthesizes the example into `outdir` (what `npx projen examples` runs; CDK8S_OUTDIR lets tests choose). */
export function main(outdir: string = process.env.CDK8S_OUTDIR ?? 'dist/examples'): void {
  const app = new App({ outdir });
  buildFedoraRealtimeTuned(app);
  app.synth();
}

if (require.main === module) main();
