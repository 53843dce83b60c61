import { show } from '../values/finding';
import { isJsonObject } from '../values/json-fields';
import { parseQuantity, Quantity } from '../values/quantity';

/** The field prefix KubeVirt uses when it validates a VM's template (`<p>` in the reference). */
export const P = 'spec.template.spec';

/** Reads a plain JSON object, tolerating anything (the input may come from a JSON patch or a hand-written file). */
export function obj(x: unknown): Record<string, any> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? x as Record<string, any> : {};
}

/** Reads a JSON array. */
export function arr(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

/**
 * A value inside a KubeVirt message: a string as it is (what the webhook prints), anything else (a patch can put an
 * object where a string belongs) as JSON, never `[object Object]`.
 */
export function text(x: unknown): string {
  return typeof x === 'string' ? x : show(x);
}

/**
 * Reads a uint32 field: whole numbers from 0 to 2^32-1 only. Anything else counts as unset (0), like Go's zero value:
 * a fraction or a negative number never decodes into the field (the API server refuses the object before admission),
 * and the vCPU product is compared as a BigInt, which a fraction would make throw.
 */
export function count(x: unknown): number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0xffffffff ? x : 0;
}

/** The pieces of a VM template that KubeVirt's VMI admission rules look at. */
export interface TemplateView {
  readonly spec: Record<string, any>;
  readonly domain: Record<string, any>;
  /** `domain.cpu`, or undefined when absent (KubeVirt distinguishes a nil CPU from an empty one). */
  readonly cpu?: Record<string, any>;
  /** `domain.memory`, or undefined when absent. */
  readonly memory?: Record<string, any>;
  readonly requests: Record<string, any>;
  readonly limits: Record<string, any>;
  readonly requestsCpu?: Quantity;
  readonly limitsCpu?: Quantity;
  readonly requestsMemory?: Quantity;
  readonly limitsMemory?: Quantity;
}

/**
 * The part of a VirtualMachine object the admission rules read, in the object's own shape: `spec.running`,
 * `spec.runStrategy` and, of `spec.template.spec`, `architecture`, `evictionStrategy` and the domain's `cpu`,
 * `memory`, `resources`, `ioThreadsPolicy`, `ioThreads`, `devices.video` and `devices.autoattachGraphicsDevice`.
 * `admissionFindings` runs its rules on this view only, so two objects with the same view get the same findings
 * (which lets a VM render and check just this part of its spec). Values are the object's own (not copied).
 */
export function admissionView(vm: unknown): Record<string, any> {
  const spec = obj(obj(vm).spec);
  const template = obj(obj(spec.template).spec);
  const domain = obj(template.domain);
  const devices = obj(domain.devices);
  return {
    spec: {
      running: spec.running,
      runStrategy: spec.runStrategy,
      template: {
        spec: {
          architecture: template.architecture,
          evictionStrategy: template.evictionStrategy,
          domain: {
            cpu: domain.cpu,
            memory: domain.memory,
            resources: domain.resources,
            ioThreadsPolicy: domain.ioThreadsPolicy,
            ioThreads: domain.ioThreads,
            devices: { video: devices.video, autoattachGraphicsDevice: devices.autoattachGraphicsDevice },
          },
        },
      },
    },
  };
}

/** Builds the view of `spec.template.spec` of a VM object. */
export function templateView(vm: unknown): TemplateView {
  const spec = obj(obj(obj(obj(vm).spec).template).spec);
  const domain = obj(spec.domain);
  const resources = obj(domain.resources);
  const requests = obj(resources.requests);
  const limits = obj(resources.limits);
  return {
    spec,
    domain,
    cpu: isJsonObject(domain.cpu) ? domain.cpu : undefined,
    memory: isJsonObject(domain.memory) ? domain.memory : undefined,
    requests,
    limits,
    requestsCpu: parseQuantity(requests.cpu),
    limitsCpu: parseQuantity(limits.cpu),
    requestsMemory: parseQuantity(requests.memory),
    limitsMemory: parseQuantity(limits.memory),
  };
}

/** hwutil.GetNumberOfVCPUs: the product of the non-zero sockets, cores and threads (0 when all are zero). */
export function numberOfVcpus(cpu: Record<string, any> | undefined): number {
  const parts = [count(cpu?.sockets), count(cpu?.cores), count(cpu?.threads)].filter((n) => n !== 0);
  return parts.length === 0 ? 0 : parts.reduce((a, b) => a * b, 1);
}
