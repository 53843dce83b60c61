/**
 * What a finding code means, for docs/troubleshooting.md and the CLI. Every code a rule can emit has one entry.
 */
export interface CodeInfo {
  /** Error or warning (as the rule emits it). */
  readonly severity: 'error' | 'warning';
  /** What the finding means, one sentence. */
  readonly meaning: string;
  /** The cluster failure it prevents (kubelet won't start, VM Pending, SMT Alignment Error ...). */
  readonly prevents: string;
  /** How to fix it. */
  readonly fix: string;
}
