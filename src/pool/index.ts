// The public API of the node pool. Helpers (kernel-argument order, huge page resolution, renderers) stay internal.
export * from './pool-backend';
export * from './topology-manager-policy';
export * from './pool-props';
export * from './pool-model';
export * from './realtime-node-pool';
