export * from './host-topology';
export * from './uniform-topology';
export * from './cpu-partition-props';
export * from './cpu-partition';
