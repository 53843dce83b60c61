import { CodeInfo } from './code-info';

/** Codes of the cluster configuration: KubeVirt / HCO versions and feature gates. */
export const CLUSTER_CODES: Record<string, CodeInfo> = {
  KUBEVIRT_VERSION_SYNTAX: {
    severity: 'error',
    meaning: 'A KubeVirt version text is not MAJOR.MINOR[.PATCH] (optional leading "v").',
    prevents: 'gates and node labels rendered for a release nobody runs',
    fix: 'write the release as "1.5.2" or "v1.5.2", or use KubeVirtVersion.V1_x',
  },
  KUBEVIRT_VERSION_UNSUPPORTED: {
    severity: 'error',
    meaning: 'A KubeVirt 0.x release was requested; its gates and node labels are not modelled.',
    prevents: 'gates and node selectors that a 0.x cluster does not understand',
    fix: 'upgrade KubeVirt to v1.0 or later',
  },
  HCO_VERSION_SYNTAX: {
    severity: 'error',
    meaning: 'An HCO version text is not MAJOR.MINOR[.PATCH] (optional leading "v").',
    prevents: 'a HyperConverged CR rendered for a release nobody runs',
    fix: 'write the release as "1.13.1" or "v1.13.1", or use HcoVersion.V1_x',
  },
  HCO_VERSION_UNSUPPORTED: {
    severity: 'error',
    meaning: 'An HCO release before v1.10 (KubeVirt 0.x) or with a major other than 1 was requested.',
    prevents: 'gates chosen for the wrong KubeVirt release',
    fix: 'upgrade HCO / OpenShift Virtualization to v1.10 or later',
  },
  FEATURE_GATE_NAME_SYNTAX: {
    severity: 'error',
    meaning: 'A custom feature gate name is not a CamelCase identifier.',
    prevents: 'a gate KubeVirt never matches (gate names are case-sensitive identifiers)',
    fix: 'spell the gate exactly as KubeVirt does, e.g. FeatureGate.custom("DownwardMetrics")',
  },
  VERSION_BEYOND_TABLE: {
    severity: 'warning',
    meaning: 'The targeted KubeVirt or HCO release is newer than the gate data of this library; the newest known states are assumed.',
    prevents: 'silently trusting gate states (or HCO hard-coded gates) that may have changed in a newer release',
    fix: 'check the rendered gates against the release notes, or upgrade the library',
  },
  FEATURE_NEEDS_NEWER_KUBEVIRT: {
    severity: 'error',
    meaning: 'A construct uses a feature whose gate does not exist in the targeted release (e.g. even-parity emulator CPUs before v1.2).',
    prevents: 'a VM the webhook rejects, or an even-parity setting KubeVirt ignores so the kubelet fails the pod with "SMT Alignment Error"',
    fix: 'target a KubeVirt release that has the gate, or stop using the feature',
  },
  GATE_DISABLED_BUT_REQUIRED: {
    severity: 'error',
    meaning: 'disabledFeatureGates lists a gate that a VM or node pool of the app needs.',
    prevents: 'VMs stuck Pending (no kubevirt.io/cpumanager=true node without CPUManager) or rejected at admission',
    fix: 'remove the gate from disabledFeatureGates, or stop using the feature',
  },
  GATE_ENABLED_AND_DISABLED: {
    severity: 'error',
    meaning: 'A gate is in both extraFeatureGates and disabledFeatureGates.',
    prevents: 'the KubeVirt CR being rejected: feature gate "X" exists on both "FeatureGates" and "DisabledFeatureGates"',
    fix: 'remove the gate from one of the two lists',
  },
  GATE_NOT_IN_VERSION: {
    severity: 'error',
    meaning: 'A listed gate does not exist in the targeted release (e.g. AlignCPUs on v1.1).',
    prevents: 'believing a feature is on when the release ignores the gate',
    fix: 'remove the gate, or target a release that has it',
  },
  GATE_GA_REDUNDANT: {
    severity: 'warning',
    meaning: 'extraFeatureGates lists a gate that is GA in the targeted release (e.g. NUMA on v1.4+).',
    prevents: 'KubeVirt\'s deprecation warning "feature gate X is deprecated (feature state is "General Availability"), therefore it can be safely removed and is redundant"',
    fix: 'remove the gate from extraFeatureGates',
  },
  GATE_GA_NOT_DISABLABLE: {
    severity: 'warning',
    meaning: 'disabledFeatureGates lists a gate that is GA in the targeted release; GA gates are always on.',
    prevents: 'believing a feature is off when KubeVirt keeps it on',
    fix: 'remove the gate from disabledFeatureGates',
  },
  HCO_GATE_HARD_CODED: {
    severity: 'warning',
    meaning: 'On HCO, extraFeatureGates lists a gate HCO always writes (CPUManager, HostDevices; NUMA up to HCO v1.13).',
    prevents: 'a redundant entry suggesting the gate depends on this app',
    fix: 'remove the gate from extraFeatureGates',
  },
  HCO_GATE_NOT_DISABLABLE: {
    severity: 'error',
    meaning: 'On HCO, disabledFeatureGates lists a gate HCO always writes into the KubeVirt CR.',
    prevents: 'believing a gate is off while HCO keeps re-enabling it',
    fix: 'remove the gate from disabledFeatureGates',
  },
  HCO_GATE_VIA_JSONPATCH: {
    severity: 'warning',
    meaning: 'On HCO, gates HCO has no field for (Sidecar, VSOCK, custom gates ...) are appended through the kubevirt.kubevirt.io/jsonpatch annotation.',
    prevents: 'an unnoticed support exception: HCO marks the CR TaintedConfiguration when the annotation is present',
    fix: 'accept the support exception, or stop using the features that need these gates',
  },
  CLUSTER_TARGET_MISSING: {
    severity: 'error',
    meaning: 'KubeVirtConfiguration got neither version nor hcoVersion.',
    prevents: 'gates rendered for a guessed release',
    fix: 'set version (vanilla KubeVirt) or hcoVersion (OpenShift Virtualization)',
  },
  CLUSTER_TARGET_AMBIGUOUS: {
    severity: 'error',
    meaning: 'KubeVirtConfiguration got both version and hcoVersion.',
    prevents: 'a KubeVirt CR that HCO reverts, or a HyperConverged CR on a cluster without HCO',
    fix: 'keep hcoVersion on HCO-managed clusters, else keep version',
  },
  HCO_NAME_FIXED: {
    severity: 'error',
    meaning: 'The HyperConverged CR was given a name other than kubevirt-hyperconverged.',
    prevents: 'a CR the API server rejects (name pattern) or HCO never reconciles',
    fix: 'leave name unset on HCO',
  },
  CLUSTER_NAME_INVALID: {
    severity: 'error',
    meaning: 'The KubeVirt CR name given to KubeVirtConfiguration is not a DNS-1123 subdomain.',
    prevents: 'a KubeVirt CR the API server refuses ("metadata.name: Invalid value")',
    fix: 'leave name unset (the CR is then "kubevirt"), or use lowercase letters, digits, "-" and "."',
  },
  CLUSTER_NAMESPACE_INVALID: {
    severity: 'error',
    meaning: 'The namespace given to KubeVirtConfiguration is not a DNS-1123 label.',
    prevents: 'a KubeVirt or HyperConverged CR the API server refuses ("metadata.namespace: Invalid value")',
    fix: 'leave namespace unset ("kubevirt", or "openshift-cnv" on HCO), or give the namespace the operator runs in',
  },
};
