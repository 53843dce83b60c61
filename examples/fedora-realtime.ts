// The fedora-realtime VM of KubeVirt's "Running real-time workloads with improved performance" blog post, with its
// two mistakes corrected: `ioThreadsPolicy` sits at `spec.template.spec.domain` (the blog nests it under `cpu`,
// where the API server drops it) and `runStrategy: Always` replaces the deprecated `running: true`. The blog's
// inline password moved out of the manifest into a Secret.
//
// Run: npx ts-node --project examples/tsconfig.json examples/fedora-realtime.ts
// → dist/examples/fedora-realtime.k8s.yaml
import { App, Chart, ChartProps, Size } from 'cdk8s';
// In your own project: import { ... } from 'cdk8s-kubevirt-realtime';
import { BootDisk, CloudInit, HugePageSize, RealtimeMask, RealtimeVirtualMachine } from '../src';

/**
 * The cloud-init user data lives in this Secret (key `userdata`) in namespace `poc`; this app only references it,
 * so no credential ever reaches Git. Its content is the blog's user data:
 *
 *   #cloud-config
 *   password: <from your vault>
 *   chpasswd: { expire: False }
 *   bootcmd:
 *     - tuned-adm profile realtime
 *
 * Create it from a sealed or external secret so it can live in GitOps too, e.g. `kubeseal` a
 * `kubectl create secret generic fedora-realtime-cloud-init -n poc --from-file=userdata=cloud-init.yaml --dry-run=client -o yaml`
 * into a SealedSecret, or declare an ExternalSecret (external-secrets.io) whose target is this name and whose
 * `userdata` key comes from your secret store. For a quick test: the same `kubectl create secret` without `--dry-run`.
 */
export const CLOUD_INIT_SECRET = 'fedora-realtime-cloud-init';

/** Adds the fedora-realtime chart (one VirtualMachine) to `app`. */
export function buildFedoraRealtime(app: App, props: ChartProps = {}): Chart {
  const chart = new Chart(app, 'fedora-realtime', props);
  new RealtimeVirtualMachine(chart, 'fedora-realtime', {
    metadata: { name: 'fedora-realtime', namespace: 'poc' },
    vcpus: 2,
    memory: Size.gibibytes(1),
    hugePageSize: HugePageSize.ONE_GI,
    // Only vCPU 0 runs SCHED_FIFO, as in the blog; vCPU 1 stays for guest housekeeping.
    realtimeMask: RealtimeMask.parse('0'),
    bootDisk: BootDisk.containerDisk('quay.io/kubevirt/fedora-realtime-container-disk:20211008_5a22acb18'),
    cloudInit: CloudInit.fromSecret(CLOUD_INIT_SECRET),
    // The blog powers the VM off at once: its container disk is thrown away on every stop anyway.
    terminationGracePeriodSeconds: 0,
  });
  return chart;
}

/** Synthesizes the example into `outdir` (what `npx projen examples` runs; CDK8S_OUTDIR lets tests choose). */
export function main(outdir: string = process.env.CDK8S_OUTDIR ?? 'dist/examples'): void {
  const app = new App({ outdir });
  buildFedoraRealtime(app);
  app.synth();
}

if (require.main === module) main();
