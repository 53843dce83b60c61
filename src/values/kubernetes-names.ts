// Kubernetes' name rules (k8s.io/apimachinery validation), which the API server enforces on every object: checked
// at synth so a bad name never reaches a cluster.

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A DNS-1123 label: at most 63 characters of [a-z0-9-], starting and ending alphanumeric (namespaces, VM names). */
export function isDns1123Label(text: unknown): text is string {
  return typeof text === 'string' && text.length <= 63 && DNS1123_LABEL.test(text);
}

/** A DNS-1123 subdomain: at most 253 characters, dot-separated labels (most object names). */
export function isDns1123Subdomain(text: unknown): text is string {
  return typeof text === 'string' && text.length <= 253 && DNS1123_SUBDOMAIN.test(text);
}
