import { isDns1123Label, isDns1123Subdomain } from '../../src/values/kubernetes-names';

describe('Kubernetes names', () => {
  test('DNS-1123 labels: lower-case alphanumerics and "-", at most 63, alphanumeric at both ends', () => {
    for (const ok of ['a', 'rt-1', 'x'.repeat(63)]) expect(isDns1123Label(ok)).toBe(true);
    for (const bad of ['', '-a', 'a-', 'A', 'a.b', 'x'.repeat(64), 1, undefined]) expect(isDns1123Label(bad)).toBe(false);
  });

  test('DNS-1123 subdomains: dot-separated labels, at most 253', () => {
    for (const ok of ['a', 'kubevirt-hyperconverged', 'a.b-c.d']) expect(isDns1123Subdomain(ok)).toBe(true);
    for (const bad of ['', 'a..b', '.a', 'Bad Name', 'x'.repeat(254), null]) expect(isDns1123Subdomain(bad)).toBe(false);
  });
});
