/**
 * KubeVirt-CR annotation that completes emulator-thread CPUs to an even count (checked for presence only, value
 * `""`). The VMI mutator copies it to VMIs with `isolateEmulatorThread` when `AlignCPUs` is on.
 */
export const EVEN_PARITY_ANNOTATION = 'alpha.kubevirt.io/EmulatorThreadCompleteToEvenParity';
