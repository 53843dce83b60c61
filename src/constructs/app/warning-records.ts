import { IConstruct } from 'constructs';
import { Finding, formatFinding, Severity } from '../../values/finding';

/** Metadata type under which warnings are stored on a construct's node (what `Warnings.of(app)` reads). */
export const WARNING_METADATA = 'cdk8s-kubevirt-realtime:warning';

/** Stores a warning on a construct's node (once per finding text). */
export function recordWarning(scope: IConstruct, finding: Finding): void {
  const text = formatFinding(finding);
  const already = scope.node.metadata.some((m) => m.type === WARNING_METADATA && formatFinding(m.data as Finding) === text);
  if (!already) scope.node.addMetadata(WARNING_METADATA, { ...finding, severity: Severity.WARNING });
}
