import { Size } from 'cdk8s';
import { HugePageSize } from '../../src/values/hugepage-size';
import { minimalProps, synthError, synthVm } from '../fixtures/vm';

describe('VM memory rules', () => {
  test.each([
    [Size.mebibytes(0), '"0 bytes"'],
    [Size.mebibytes(NaN), '"NaNMi"'],
  ])('fails on memory %p that is not a positive whole number of MiB', (memory, shown) => {
    expect(synthError(minimalProps({ memory: memory as Size }))).toContain(`[VM_MEMORY_INVALID] memory: got ${shown}`);
  });

  test('fails on a fractional MiB with the byte count in the message', () => {
    expect(synthError(minimalProps({ memory: Size.kibibytes(1536) }))).toContain('[VM_MEMORY_INVALID] memory: got "1572864 bytes"');
  });

  test('refuses a missing memory when the VM is built (the library never picks a size)', () => {
    expect(synthError(minimalProps({ memory: undefined as unknown as Size }))).toContain('[PROP_REQUIRED] memory: got (not set)');
  });

  test('fails on memory that is not a whole number of 1Gi pages (guest memory included)', () => {
    expect(synthError(minimalProps({ memory: Size.mebibytes(1536) })))
      .toContain('[VM_MEMORY_NOT_PAGE_MULTIPLE] memory: got "1536Mi", expected a whole number of 1Gi huge pages');
  });

  test('fails on memory smaller than one page', () => {
    expect(synthError(minimalProps({ memory: Size.mebibytes(512) }))).toContain('[VM_MEMORY_NOT_PAGE_MULTIPLE] memory: got "512Mi"');
  });

  test('accepts odd MiB with 2Mi pages only when even', () => {
    expect(synthError(minimalProps({ memory: Size.mebibytes(1025), hugePageSize: HugePageSize.TWO_MI })))
      .toContain('[VM_MEMORY_NOT_PAGE_MULTIPLE] memory: got "1025Mi", expected a whole number of 2Mi huge pages');
    expect(synthVm(minimalProps({ memory: Size.mebibytes(1026), hugePageSize: HugePageSize.TWO_MI })).object
      .spec.template.spec.domain.resources.limits.memory).toBe('1026Mi');
  });

  test('accepts odd MiB without huge pages', () => {
    const { object } = synthVm(minimalProps({
      memory: Size.mebibytes(1025), hugePages: false, realtime: false, guestMappingPassthrough: false,
    }));
    expect(object.spec.template.spec.domain.memory).toBeUndefined();
    expect(object.spec.template.spec.domain.resources.requests.memory).toBe('1025Mi');
  });

  test('fails on a page size while huge pages are off', () => {
    expect(synthError(minimalProps({ hugePages: false, hugePageSize: HugePageSize.TWO_MI })))
      .toContain('[VM_PROP_IGNORED] hugePageSize: got "2Mi"');
  });

  test('fails on a page size that is not a HugePageSize (JavaScript callers)', () => {
    expect(synthError(minimalProps({ hugePageSize: '4Mi' as any }))).toContain('[PROP_TYPE_INVALID] hugePageSize: got "4Mi"');
  });
});
