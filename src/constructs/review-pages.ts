import * as fs from 'fs';
import { IConstruct } from 'constructs';
import { AppCheck } from './app/app-check';
import { CONSTRUCT } from './construct-rule';
import { writingInto } from './output-directory';
import { RealtimeNodePool } from './pool/realtime-node-pool';
import { packingOrder } from '../model/placement/packing';
import { poolCapacityFor } from '../model/placement/pool-capacity';
import { capacityOptionsOf, isNodeCount } from '../model/placement/pool-options';
import { packingItemOf, packPool, PoolVm } from '../model/placement/pool-packing';
import { isUsableShape } from '../model/placement/shape-check';
import { GuestTuningRow, guestTuningSection } from '../plan/guest-tuning-section';
import { planReportOf } from '../plan/plan-report';
import { ReviewPageProps, writeReviewPages } from '../plan/review-page';
import { PoolBackend } from '../values/pool/pool-backend';
import { checkValue } from '../values/prop-check';


/**
 * Review pages of the node pools of an app: one Markdown page and one SVG CPU map per pool, with what its nodes emit
 * (kernel arguments, kubelet settings), what reboots them, and the VMs placed on it. Deterministic, so they can be
 * committed next to the synthesized YAML and reviewed in the same pull request.
 */
export class ReviewPages {
  /**
   * Writes `<outdir>/<role>.md` and `<outdir>/<role>.svg` for every RealtimeNodePool of the app `scope` belongs to,
   * in construct-tree order.
   *
   * The page's capacity section is for the largest VM placed on the pool (most pod CPUs, then most huge pages, then
   * by name); a section "VMs placed on this pool" then lists every placed VM with its own capacity and, when the
   * pool declares `nodeCount`, how first-fit decreasing packs them all into its nodes. Even-parity emulator CPUs are
   * counted when the app's KubeVirtConfiguration turns them on.
   *
   * @param scope any construct of the app
   * @param outdir the directory to write into (created if missing)
   * @returns the paths written, `.md` then `.svg` for each pool
   */
  public static write(scope: IConstruct, outdir: string): string[] {
    checkValue(scope, CONSTRUCT, 'ReviewPages.write(scope)');
    return writingInto(outdir, 'ReviewPages.write', (dir) => writePages(scope, dir));
  }

  private constructor() {}
}

function writePages(scope: IConstruct, outdir: string): string[] {
  const pools = scope.node.root.node.findAll().filter((c) => RealtimeNodePool.isRealtimeNodePool(c)) as RealtimeNodePool[];
  const check = AppCheck.of(scope);
  const parity = check.clusterFacts().evenParityCompletion;
  const pages = pools.map((pool) => {
    const placed = check.vmsOn(pool);
    return {
      pool,
      vms: placed.map((vm) => ({ path: vm.construct.node.path, name: vm.model.name, shape: vm.model.settings })),
      guests: placed.flatMap((vm): GuestTuningRow[] => (vm.model.guestTuning ? [{ name: vm.model.name, plan: vm.model.guestTuning }] : [])),
    };
  });
  const written = writeReviewPages(outdir, pages.map(({ pool, vms }) => reviewPageProps(pool, vms, parity)));
  pages.forEach(({ pool, vms, guests }, i) => fs.appendFileSync(written[2 * i],
    backendSection(pool) + placedVmsSection(pool, vms, parity) + guestTuningSection(guests)));
  return written;
}

function reviewPageProps(pool: RealtimeNodePool, vms: PoolVm[], parity: boolean): ReviewPageProps {
  const largest = largestVm(vms, parity);
  const report = planReportOf(pool.model.partition, {
    host: pool.model.topology,
    settings: pool.emittedSettings(),
    ...(largest ? { vmShape: largest.shape, capacity: capacityOptionsOf(pool.model, parity) } : {}),
  });
  return { poolName: pool.role, report, rebootTriggers: pool.rebootSummary() };
}

/** The largest VM whose capacity can be computed (a VM the rules refuse, e.g. with 0 vCPUs, has none). */
function largestVm(vms: PoolVm[], parity: boolean): PoolVm | undefined {
  const usable = vms.filter((vm) => isUsableShape(vm.shape));
  const first = packingOrder(usable.map((vm) => packingItemOf(vm, parity)))[0];
  return first && usable.find((vm) => vm.name === first.name);
}

/** What each backend renders, for the review page. */
const BACKEND_OUTPUT: Record<PoolBackend, string> = {
  [PoolBackend.MACHINE_CONFIG]: 'OpenShift: a MachineConfigPool, a MachineConfig, a KubeletConfig and a Tuned, applied by the '
    + 'Machine Config Operator and the Node Tuning Operator.',
  [PoolBackend.PERFORMANCE_PROFILE]: 'OpenShift: a MachineConfigPool and a PerformanceProfile; the Node Tuning Operator renders '
    + 'the MachineConfig, KubeletConfig, Tuned and RuntimeClass from it.',
  [PoolBackend.TALOS]: 'Talos Linux: a TalosConfigTemplate for Cluster API, and as files the same machine-config patch and an '
    + 'Image Factory schematic carrying the kernel arguments.',
  [PoolBackend.CLUSTER_API_KUBEADM]: 'Cluster API with kubeadm: a KubeadmConfigTemplate (kubelet patch, node files, labels and '
    + 'taints), and as a file the image-builder vars with the kernel arguments.',
  [PoolBackend.KUBELET_DROP_IN]: 'Any distribution: a kubelet configuration drop-in and the node files, all as files for your own '
    + 'OS tooling.',
};

/** The Markdown section naming the pool's backend, its files and what it cannot do. */
export function backendSection(pool: RealtimeNodePool): string {
  const lines = [`## Backend: ${pool.backend}`, '', BACKEND_OUTPUT[pool.backend], ''];
  if (pool.files.length > 0) {
    lines.push(`Files (\`NodeFiles.write\`, under \`${pool.role}/\`):`, '', ...pool.files.map((f) => `- \`${f.fileName}\``), '');
  }
  lines.push('What this backend cannot do:', '');
  lines.push(...(pool.limitations.length > 0 ? pool.limitations.map((l) => `- ${l}`) : ['- Nothing the pool asks for.']), '', '');
  return lines.join('\n');
}

/** The Markdown section listing the pool's VMs, their capacities and the packing into the declared nodes. */
export function placedVmsSection(pool: RealtimeNodePool, vms: PoolVm[], parity: boolean): string {
  const lines = ['## VMs placed on this pool', ''];
  if (vms.length === 0) {
    lines.push('No VM is placed on this pool.', '');
    return lines.join('\n');
  }
  lines.push(`Pod CPUs count vCPUs, IOThread and emulator CPUs; even-parity emulator completion is ${parity ? 'on' : 'off'}. `
    + 'Capacity keeps each VM inside one NUMA node.', '',
  '| VM | vCPUs | pod CPUs | huge pages | VMs per node | per NUMA node |', '|---|---|---|---|---|---|');
  for (const vm of vms) {
    if (!isUsableShape(vm.shape)) {
      lines.push(`| \`${vm.name}\` | - | - | - | - | - (its props are refused: see its errors) |`);
      continue;
    }
    const item = packingItemOf(vm, parity);
    const c = poolCapacityFor(pool.model, vm.shape, { emulatorThreadEvenParity: parity, vmName: vm.name });
    const pages = item.pageSize ? `${item.pages} x ${item.pageSize.quantity}` : 'none';
    lines.push(`| \`${vm.name}\` | ${vm.shape.vcpus} | ${item.cpus} | ${pages} | ${c.perNode} | `
      + `${c.capacity.perNumaNode.map((n) => n.vms).join(', ')} |`);
  }
  lines.push('');
  if (!isNodeCount(pool.model.nodeCount)) {
    lines.push('The pool declares no `nodeCount`, so the VMs are not packed into its nodes.', '');
    return lines.join('\n');
  }
  const packing = packPool(pool.model, pool.model.nodeCount, vms, parity)!;
  const where = packing.perNumaNode ? 'NUMA node' : 'node';
  lines.push(`First-fit decreasing (most CPUs first, then most huge pages) into the pool's ${pool.model.nodeCount} `
    + `node${pool.model.nodeCount === 1 ? '' : 's'}, one ${where} per VM:`, '');
  const placed = [...packing.result.placed].sort((x, y) => (x.bin.node - y.bin.node) || ((x.bin.numaNode ?? 0) - (y.bin.numaNode ?? 0)));
  const bins = new Map<string, string[]>();
  for (const { item, bin } of placed) {
    const key = `node ${bin.node}${bin.numaNode !== undefined ? `, NUMA node ${bin.numaNode}` : ''}`;
    bins.set(key, [...(bins.get(key) ?? []), `\`${item.name}\``]);
  }
  for (const [key, names] of bins) lines.push(`- ${key}: ${names.join(', ')}`);
  const names = (items: { name: string }[]) => items.map((i) => `\`${i.name}\``).join(', ');
  if (packing.result.unplaced.length > 0) {
    lines.push(`- **No room: ${names(packing.result.unplaced)}** (first-fit decreasing needs ${packing.nodesNeeded} nodes)`);
  }
  if (packing.skipped.length > 0) lines.push(`- **Cannot run on this pool: ${names(packing.skipped)}** (see their placement errors)`);
  if (packing.result.unplaced.length + packing.skipped.length === 0) lines.push(vms.length === 1 ? '- **The VM fits.**' : `- **All ${vms.length} VMs fit.**`);
  lines.push('');
  return lines.join('\n');
}
