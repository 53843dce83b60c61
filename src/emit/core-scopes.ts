// The scope of the core (group-less) Kubernetes kinds the library writes. They have no CRD to vendor, so the
// generated table (imports/crd-scopes.ts) cannot know them; each is listed here explicitly, so writing any other core
// kind still fails loudly (EmittedObject) instead of guessing its scope.

/** The scope of every core kind the library writes, by `/Kind` (the empty group, as in the CRD table). */
export const CORE_SCOPES: { readonly [groupKind: string]: 'Namespaced' | 'Cluster' } = {
  // The guest tuning's user data (backends/vm/guest-tuning-secret.ts), next to its VM.
  '/Secret': 'Namespaced',
};
