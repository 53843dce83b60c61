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

/** Metadata type of an acknowledgement (`Warnings.acknowledge`): `{ code, reason }`. */
export const ACKNOWLEDGEMENT_METADATA = 'cdk8s-kubevirt-realtime:acknowledgement';
/** Metadata type under which acknowledged warnings are stored, with the reason (`Warnings.of(app).acknowledged()`). */
export const ACKNOWLEDGED_WARNING_METADATA = 'cdk8s-kubevirt-realtime:acknowledged-warning';

/** The reason `code` is acknowledged on `construct` or one of its scopes (the nearest wins); undefined when it is not. */
export function acknowledgementOf(construct: IConstruct, code: string): string | undefined {
  for (const scope of [...construct.node.scopes].reverse()) {
    const entry = scope.node.metadata.find((m) => m.type === ACKNOWLEDGEMENT_METADATA && (m.data as { code: string }).code === code);
    if (entry !== undefined) return (entry.data as { reason: string }).reason;
  }
  return undefined;
}

/** Stores an acknowledged warning on a construct's node, with the reason (once per finding text). */
export function recordAcknowledgedWarning(scope: IConstruct, finding: Finding, reason: string): void {
  const text = formatFinding(finding);
  const already = scope.node.metadata.some((m) => m.type === ACKNOWLEDGED_WARNING_METADATA
    && formatFinding((m.data as { finding: Finding }).finding) === text);
  if (!already) scope.node.addMetadata(ACKNOWLEDGED_WARNING_METADATA, { finding: { ...finding, severity: Severity.WARNING }, reason });
}
