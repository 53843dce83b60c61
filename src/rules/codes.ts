import { CodeInfo } from './code-info';
import { CLUSTER_CODES } from './codes-cluster';
import { CORE_CODES } from './codes-core';
import { GUEST_CODES } from './codes-guest';
import { HOST_CODES } from './codes-host';
import { INSTANCETYPE_CODES } from './codes-instancetype';
import { NODE_BACKEND_CODES } from './codes-node-backends';
import { PERFORMANCE_PROFILE_CODES } from './codes-performance-profile';
import { PLACEMENT_CODES } from './codes-placement';
import { PLAN_CODES } from './codes-plan';
import { POOL_CODES } from './codes-pool';
import { VM_CODES } from './codes-vm';

/**
 * Every finding code the library can emit, with what it means, what it prevents and the fix. docs/troubleshooting.md
 * is kept in sync with this registry by a test. Each area keeps its own table in a codes-<area>.ts file.
 */
export const ALL_CODES: Record<string, CodeInfo> = {
  ...CORE_CODES,
  ...CLUSTER_CODES,
  ...HOST_CODES,
  ...POOL_CODES,
  ...NODE_BACKEND_CODES,
  ...PLAN_CODES,
  ...PERFORMANCE_PROFILE_CODES,
  ...PLACEMENT_CODES,
  ...VM_CODES,
  ...INSTANCETYPE_CODES,
  ...GUEST_CODES,
};
