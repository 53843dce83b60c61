// The largest guest the library describes. KubeVirt itself has no admission check on the vCPU count; the hard limits
// come from the layers under it, for the x86_64 `q35` machine KubeVirt uses (DefaultAMD64MachineType = "q35" in
// pkg/virt-config/virt-config.go):
// - QEMU: q35 machine types accept at most 4096 vCPUs since QEMU 9.0 (commit e4e98c7eebfa "pc: q35: Bump max_cpus to
//   4096 vcpus"; pc-q35-8.x: 1024, pc-q35-2.8..7.x: 288). KubeVirt v1.9 ships qemu-kvm 10.1 (CentOS Stream 9).
// - KVM: KVM_MAX_VCPUS on x86 is CONFIG_KVM_MAX_NR_VCPUS, "range 1024 4096" in arch/x86/kvm/Kconfig (default 1024,
//   4096 with MAXSMP), so no x86 kernel runs a guest with more than 4096 vCPUs.
// Lower, softer limits exist and are not refused here: KubeVirt caps the implicit hot-plug headroom at 512 vCPUs
// (pkg/defaults/defaults.go, maxVCPUs = 512, for maxSockets when none is given), libvirt before 11.0 needs an IOMMU
// with extended interrupt mode for more than 255 vCPUs (kubevirt/kubevirt#13971), and a kernel with the default
// CONFIG_KVM_MAX_NR_VCPUS stops at 1024.

/**
 * The most vCPUs one VM can have: 4096, the ceiling of QEMU's x86_64 q35 machine (QEMU ≥ 9.0) and of KVM on x86
 * (CONFIG_KVM_MAX_NR_VCPUS ≤ 4096). A VM with more vCPUs cannot start on any x86_64 KubeVirt node.
 */
export const MAX_VCPUS = 4096;

/** Why MAX_VCPUS is the ceiling, for messages. */
export const VCPU_LIMIT_REASON = '(the limit of QEMU\'s x86_64 q35 machine and of KVM on x86)';

/**
 * The longest real-time mask text the library reads (64 KiB). A mask naming each of the 4096 vCPUs once and negating
 * each once is 42,835 characters; anything longer is not a mask a person or tool means to write, and reading it
 * would cost memory and time for nothing.
 */
export const MAX_MASK_CHARS = 64 * 1024;
