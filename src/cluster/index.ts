// Public API of the cluster configuration. gate-table, gate-plan, hco-gates and the CR builders are internal.
export * from './kubevirt-version';
export * from './hco-version';
export * from './feature-gate-state';
export * from './feature-gate';
export * from './feature-use';
export * from './required-gates';
export * from './kubevirt-configuration';
