import { EvenParity, OutputFormat, PlanArgs, VmArgs } from './args';
import { outputFailed } from './output';
import { CliFileSystem, decodeText, readHostFile, readStdin } from './read-input';
import { CapacityOptions } from '../model/placement/capacity';
import { needsEvenParity } from '../model/placement/feature-uses';
import { capacityOptionsOf } from '../model/placement/pool-options';
import { RealtimeNodePoolModel } from '../model/pool/pool-model';
import { resolvePool } from '../model/pool/resolve-pool';
import { resolveSettings } from '../model/vm/vm-settings';
import { VmShape } from '../model/vm/vm-shape';
import { settingsOfResolvedPool } from '../plan/emitted-settings';
import { planReportOf } from '../plan/plan-report';
import { plannedPoolErrors, plannedPoolProps } from '../plan/planned-pool';
import { renderPlanText } from '../plan/report-text';
import { renderPlanSvg } from '../plan/svg-map';
import { memoryFindings } from '../rules/vm-memory';
import { error, Finding, warning } from '../values/finding';
import { CpuPartition } from '../values/host/cpu-partition';
import { HostTopology } from '../values/host/host-topology';
import { HugePageSize } from '../values/hugepage-size';
import { throwIfErrors, ValidationError } from '../values/validation-error';

/** What `plan` reads from its environment. */
export interface PlanInput {
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly fs: CliFileSystem;
}

/**
 * Runs `plan` up to its output: reads and parses the host, plans the partition, resolves the node pool it describes
 * (the partition, the stated huge pages, every other prop at its default) with the pool's own resolver, resolves the
 * VM shape with the VM's own defaults, and reports capacity with the options the app would use (`capacityOptionsOf`
 * the pool, even parity as the KubeVirt configuration would set it). Writes the `--svg` file, and returns the text
 * for stdout. Throws a ValidationError for anything it cannot plan.
 */
export async function planOutput(args: PlanArgs, input: PlanInput): Promise<string> {
  const bytes = args.input === '-' ? await readStdin(input.stdin) : readHostFile(input.fs, args.input);
  const text = decodeText(bytes, args.input === '-' ? 'stdin' : 'host-file');
  const host = looksLikeXml(text) ? HostTopology.fromVirshCapabilities(text) : HostTopology.fromLscpu(text, { physicalIds: args.lscpuPhysicalIds });
  throwIfErrors(hostSizeFindings(host, args.disableSmt));
  const partition = CpuPartition.plan(host, {
    reservedCpuCount: args.reservedCpus,
    offlinedCpuCount: args.offlinedCpus,
    splitAcrossNumaNodes: args.splitAcrossNuma,
    disableSmt: args.disableSmt,
  });
  const props = plannedPoolProps(partition, host, args.hugepages);
  // The pool rules name the prop (hugepages[0]); on the command line it is the option.
  throwIfErrors(plannedPoolErrors(props).map((f) => ({ ...f, field: f.field.replace(/^hugepages/, '--hugepages') })));
  const pool = resolvePool(props);
  const shape = args.vm ? vmShapeOf(args.vm) : undefined;
  const report = planReportOf(partition, {
    host,
    settings: settingsOfResolvedPool(pool),
    ...(shape ? { vmShape: shape, capacity: capacityOptions(pool.model, shape, args) } : {}),
    warnings: shape?.hugePageSize && !args.hugepages ? [hugePagesNotStated(host, shape.hugePageSize)] : [],
  });
  if (args.svg !== undefined) {
    const svg = renderPlanSvg(report);
    try {
      input.fs.writeFileSync(args.svg, svg);
    } catch (e) {
      throw new ValidationError([outputFailed('--svg', args.svg, e)]);
    }
  }
  return args.format === OutputFormat.JSON ? `${JSON.stringify(report, null, 2)}\n` : renderPlanText(report);
}

/** `virsh capabilities` is XML; `lscpu -p` output never starts with `<`. */
function looksLikeXml(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
}

/**
 * A partition needs one whole core reserved and one isolated. Said here in those words: the partition planner's own
 * range check would ask a 1-CPU host to "reserve between 1 and 0 CPUs".
 */
function hostSizeFindings(host: HostTopology, disableSmt: boolean): Finding[] {
  const cores = host.cores().length;
  if (cores >= 2) return [];
  const cpus = (disableSmt ? host.withoutSmt() : host).cpus.size;
  return [error('CLI_HOST_TOO_SMALL', 'host-file', `a host with ${cpus} CPU${cpus === 1 ? '' : 's'} in ${cores} core${cores === 1 ? '' : 's'}`,
    'a host with at least 2 physical cores: a whole core reserved for the OS, the kubelet and IRQs, and one isolated for VMs',
    'plan a node with at least 2 cores (check that the host file lists every CPU of the node)')];
}

/** The VM as RealtimeVirtualMachine resolves it (its own defaults applied by the model), with memory in whole pages. */
function vmShapeOf(vm: VmArgs): VmShape {
  const given = {
    vcpus: vm.vcpus,
    memoryBytes: vm.memoryBytes,
    memory: vm.memory,
    isolateEmulatorThread: vm.isolateEmulatorThread,
    hugePages: vm.hugePageSize !== undefined,
    ...(vm.hugePageSize ? { hugePageSize: vm.hugePageSize.quantity } : {}),
  };
  const settings = resolveSettings(given);
  // The VM's own memory rule (a plan for a VM the synth refuses would count a VM that cannot exist), on the option.
  throwIfErrors(memoryFindings({ given, settings }).map((f) => ({ ...f, field: '--memory' })));
  return settings;
}

/**
 * The capacity options of the app: the pool's (full-pcpus-only, its huge pages when stated; otherwise the pages the
 * host declares) and even parity as a KubeVirtConfiguration sets it for this VM on this pool (`needsEvenParity`),
 * unless the command line says otherwise.
 */
function capacityOptions(pool: RealtimeNodePoolModel, shape: VmShape, args: PlanArgs): CapacityOptions {
  const parity = args.evenParity === EvenParity.AUTO ? needsEvenParity(shape, pool) : args.evenParity === EvenParity.ON;
  const options = capacityOptionsOf(pool, parity);
  return args.hugepages ? options : { emulatorThreadEvenParity: options.emulatorThreadEvenParity, fullPcpusOnly: options.fullPcpusOnly };
}

/** Advice when the VM needs huge pages and the pool's were not stated. */
function hugePagesNotStated(host: HostTopology, size: HugePageSize): Finding {
  const declared = host.numaNodeIds.map((n) => ({ n, pages: host.hugePagesOfNumaNode(n, size) }));
  const known = declared.filter((d) => d.pages !== undefined);
  const total = known.reduce((sum, d) => sum + (d.pages ?? 0), 0);
  const stateThem = `state them with --hugepages ${size}:N (spread over the NUMA nodes) or ${size}:N@0,... (per NUMA node), as the pool's hugepages prop`;
  if (known.length === 0) {
    return warning('CLI_HUGEPAGES_NOT_STATED', '--hugepages', undefined,
      `the ${size} huge pages the pool sets aside: the host file declares none (lscpu has no memory information), so the capacity does not count them`,
      stateThem);
  }
  if (total === 0) {
    return warning('CLI_HUGEPAGES_NOT_STATED', '--hugepages', undefined,
      `the ${size} huge pages the pool sets aside: the host file declares 0 on every NUMA node (not set aside yet), so no VM fits`, stateThem);
  }
  return warning('CLI_HUGEPAGES_NOT_STATED', '--hugepages', undefined,
    `the ${size} huge pages the pool sets aside: the capacity counts the ones the host file declares `
      + `(${known.map((d) => `${d.pages} on NUMA node ${d.n}`).join(', ')}), which a RealtimeNodePool without hugepages does not set aside`,
    `state them with --hugepages ${size}:${total} (or per NUMA node: ${known.map((d) => `${size}:${d.pages}@${d.n}`).join(',')}), `
      + 'and give the pool the same hugepages prop');
}
