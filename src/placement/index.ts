// Public API of placement (VMs on node pools): capacity of a pool for a VM shape, and the review pages. The rules,
// the packing and the cluster-fact readers stay internal.
export * from './pool-capacity';
export { ReviewPages } from './review-pages';
