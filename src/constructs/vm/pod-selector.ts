// cdk8s-plus selects pods through `IPodSelector.toPodSelectorConfig().labelSelector`, an object it only asks two
// things of: `isEmpty()` and the internal `_toKube()` (the same in cdk8s-plus-27 and -33, which apps scaffolded by
// `cdk8s init` use today). Returning this small object instead of cdk8s-plus's own `LabelSelector` keeps the library
// free of any cdk8s-plus line: a VM selects the same way in a -27 app and in a -33 app, and neither installs a second
// copy of cdk8s-plus (docs/composition.md).

/** A label selector of exact labels, in the shape cdk8s-plus reads. */
export class MatchLabelsSelector {
  constructor(private readonly labels: Readonly<Record<string, string>>) {}

  /** cdk8s-plus: true when the selector selects everything. */
  public isEmpty(): boolean {
    return Object.keys(this.labels).length === 0;
  }

  /** cdk8s-plus: the selector as written into a Service, NetworkPolicy or affinity term. */
  public _toKube(): { matchLabels: Record<string, string> } {
    return { matchLabels: { ...this.labels } };
  }
}
