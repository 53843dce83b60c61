// Kubernetes' documented scalability limit ("Considerations for large clusters": no more than 5,000 nodes per
// cluster). A pool is part of one cluster, so a larger node count is a typo; it also bounds the capacity packing,
// whose work grows with the nodes it packs into.

/** The most nodes a pool can declare (`nodeCount`): 5000, Kubernetes' largest supported cluster. */
export const MAX_POOL_NODES = 5000;
