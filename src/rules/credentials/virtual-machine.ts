import { CredentialScan } from './credential-scan';
import { lenientBase64, strictBase64 } from './decoding';
import { scanNetworkDataBytes, scanNetworkDataText } from './network-data';
import { ScanContext, ScanSink } from './scan-context';
import { MAX_FIELD_CHARS, ScanBudget } from './scan-limits';
import { scanUserDataBytes, scanUserDataText } from './user-data';

// The entry points: a kubevirt.io/v1 VirtualMachine as written (its JSON after patches and escape hatches), one
// volume, or one user-data text. KubeVirt reads cloud-init data from `cloudInitNoCloud` and `cloudInitConfigDrive`
// volumes, in four inline fields each; `secretRef` and `networkDataSecretRef` keep the data in a Secret (the safe
// way) and are not read. Every entry point takes any value and never throws: what cannot be read is reported as
// uninspectable.

/** The cloud-init volume sources KubeVirt reads. */
const SOURCES = ['cloudInitNoCloud', 'cloudInitConfigDrive'];

/** The inline fields of a source: user data or network data, as text or base64. */
const FIELDS: Array<{ name: string; network: boolean; base64: boolean }> = [
  { name: 'userData', network: false, base64: false },
  { name: 'userDataBase64', network: false, base64: true },
  { name: 'networkData', network: true, base64: false },
  { name: 'networkDataBase64', network: true, base64: true },
];

/** Where volumes are in the objects that carry them: a VirtualMachine's template, or a VirtualMachineInstance. */
const VOLUME_LISTS: Array<{ path: string[]; field: string }> = [
  { path: ['spec', 'template', 'spec', 'volumes'], field: 'spec.template.spec.volumes' },
  { path: ['spec', 'volumes'], field: 'spec.volumes' },
];

/** Scans every cloud-init volume of a VirtualMachine (or VirtualMachineInstance) given as JSON. */
export function scanVirtualMachineCredentials(vmJson: unknown): CredentialScan {
  const sink = new ScanSink();
  const budget = ScanBudget.standard();
  for (const { path, field } of VOLUME_LISTS) {
    try {
      const volumes = property(vmJson, path);
      if (volumes === undefined || volumes === null) continue;
      if (!Array.isArray(volumes)) {
        sink.addUninspectable(field, `${kindOf(volumes)} where a list of volumes belongs`);
        continue;
      }
      volumes.forEach((volume, i) => scanVolumeInto(volume, `${field}[${i}]`, budget, sink));
    } catch (e) {
      sink.addUninspectable(field, `volumes the scanner stopped on (${errorName(e)})`);
    }
  }
  return sink.result();
}

/**
 * Scans one volume's inline cloud-init fields; hits name the field under `fieldPrefix` (e.g.
 * `spec.template.spec.volumes[2].cloudInitNoCloud.userDataBase64`).
 */
export function scanCloudInitVolume(volume: unknown, fieldPrefix: string): CredentialScan {
  const sink = new ScanSink();
  const prefix = typeof fieldPrefix === 'string' && fieldPrefix !== '' ? fieldPrefix : 'volume';
  try {
    scanVolumeInto(volume, prefix, ScanBudget.standard(), sink);
  } catch (e) {
    sink.addUninspectable(prefix, `a volume the scanner stopped on (${errorName(e)})`);
  }
  return sink.result();
}

/** Scans one user-data text (the inline user data of `CloudInit.userData`); hits name the field `field`. */
export function scanUserDataField(userData: unknown, field: string): CredentialScan {
  const sink = new ScanSink();
  const name = typeof field === 'string' && field !== '' ? field : 'userData';
  try {
    scanField(ScanContext.root(name, ScanBudget.standard(), sink), userData, false, false);
    sink.runDeferred();
  } catch (e) {
    sink.addUninspectable(name, `data the scanner stopped on (${errorName(e)})`);
  }
  return sink.result();
}

function scanVolumeInto(volume: unknown, prefix: string, budget: ScanBudget, sink: ScanSink): void {
  for (const source of SOURCES) {
    const data = property(volume, [source]);
    if (data === undefined || data === null) continue;
    if (!isRecord(data)) {
      sink.addUninspectable(`${prefix}.${source}`, `${kindOf(data)} where an object belongs`);
      continue;
    }
    for (const f of FIELDS) {
      const value = data[f.name];
      scanField(ScanContext.root(`${prefix}.${source}.${f.name}`, budget, sink), value, f.network, f.base64);
      sink.runDeferred();
    }
  }
}

/** One inline field; every failure ends as an uninspectable part, never as an exception. */
function scanField(ctx: ScanContext, value: unknown, network: boolean, base64: boolean): void {
  if (value === undefined || value === null || value === '') return;
  if (typeof value !== 'string') {
    ctx.cannotInspect(`${kindOf(value)} where text belongs`);
    return;
  }
  if (value.length > MAX_FIELD_CHARS) {
    ctx.cannotInspect(`text of ${value.length} characters, over the ceiling of ${MAX_FIELD_CHARS}`);
    return;
  }
  try {
    if (!base64) {
      if (network) scanNetworkDataText(value, ctx);
      else scanUserDataText(value, ctx);
      return;
    }
    let bytes = strictBase64(value, ctx);
    if (bytes === undefined) {
      ctx.cannotInspect('text that is not valid base64, which KubeVirt refuses (read leniently instead)');
      bytes = lenientBase64(value, ctx);
    }
    if (bytes === undefined) return;
    if (network) scanNetworkDataBytes(bytes, ctx);
    else scanUserDataBytes(bytes, ctx);
  } catch (e) {
    // A defect of the scanner (or a stack overflow on input no ceiling foresaw): say so rather than pass or crash.
    ctx.cannotInspect(`data the scanner stopped on (${errorName(e)})`);
  }
}

function property(value: unknown, path: string[]): unknown {
  let v = value;
  for (const step of path) {
    if (!isRecord(v)) return undefined;
    v = v[step];
  }
  return v;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : 'error';
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  const type = typeof value;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}
