import { podCpuCount, VmShape } from '../../../src/model/vm/vm-shape';
import { IoThreadsPolicy } from '../../../src/values/vm/io-threads-policy';

function shape(vcpus: number, extra: Partial<VmShape> = {}): VmShape {
  return {
    vcpus,
    sockets: vcpus,
    cores: 1,
    threads: 1,
    memoryBytes: 1024 ** 3,
    dedicatedCpuPlacement: true,
    isolateEmulatorThread: true,
    supplementalPoolThreadCount: 0,
    realtime: true,
    realtimeVcpus: [],
    guestMappingPassthrough: true,
    ...extra,
  };
}

describe('podCpuCount (KubeVirt renderresources, reference §2.3 and §5.34)', () => {
  test.each([
    [3, false, 4],
    [2, false, 3],
    [3, true, 4],
    [4, true, 6],
    [4, false, 5],
  ])('%i vCPUs, even parity %p → %i pod CPUs', (vcpus, parity, expected) => {
    expect(podCpuCount(shape(vcpus), parity)).toBe(expected);
  });

  test.each([
    [5, 2, false, 8],
    [5, 2, true, 8],
    [6, 2, true, 10],
    [6, 2, false, 9],
  ])('%i vCPUs + %i pool threads, even parity %p → %i', (vcpus, pool, parity, expected) => {
    const s = shape(vcpus, { ioThreadsPolicy: IoThreadsPolicy.SUPPLEMENTAL_POOL, supplementalPoolThreadCount: pool });
    expect(podCpuCount(s, parity)).toBe(expected);
  });

  test('no emulator CPU without isolateEmulatorThread, even with parity completion', () => {
    expect(podCpuCount(shape(4, { isolateEmulatorThread: false }), true)).toBe(4);
  });

  test('pool threads count only with the SUPPLEMENTAL_POOL policy', () => {
    expect(podCpuCount(shape(2, { ioThreadsPolicy: IoThreadsPolicy.AUTO, supplementalPoolThreadCount: 3 }), false)).toBe(3);
  });
});
