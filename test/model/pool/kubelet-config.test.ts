import { Size } from 'cdk8s';
import { kubeletConfiguration, KubeletConfigInputs, reservedMemoryMebibytes, reservedMemoryNumaNode, wholeMebibytes } from '../../../src/model/pool/kubelet-config';
import { CpuSet } from '../../../src/values/cpu-set';
import { TopologyManagerPolicy } from '../../../src/values/pool/topology-manager-policy';

const inputs: KubeletConfigInputs = {
  reserved: CpuSet.parse('8-9,0-1'),
  topologyManagerPolicy: TopologyManagerPolicy.SINGLE_NUMA_NODE,
  fullPcpusOnly: false,
  kubeReservedMebibytes: 500,
  systemReservedMebibytes: 500,
  evictionHardMebibytes: 100,
  reservedMemoryNumaNode: 0,
};

describe('kubeletConfiguration', () => {
  test('NTO parity: static CPU manager, reserved CPUs, static Memory Manager with the formula satisfied', () => {
    expect(kubeletConfiguration(inputs)).toEqual({
      cpuManagerPolicy: 'static',
      cpuManagerReconcilePeriod: '5s',
      reservedSystemCPUs: '0-1,8-9',
      topologyManagerPolicy: 'single-numa-node',
      memoryManagerPolicy: 'Static',
      reservedMemory: [{ numaNode: 0, limits: { memory: '1100Mi' } }],
      kubeReserved: { memory: '500Mi' },
      systemReserved: { memory: '500Mi' },
      evictionHard: { 'imagefs.available': '15%', 'nodefs.available': '10%', 'nodefs.inodesFree': '5%', 'memory.available': '100Mi' },
    });
  });

  test('sum(reservedMemory) = kubeReserved + systemReserved + evictionHard for any reservation', () => {
    const config: any = kubeletConfiguration({
      ...inputs, kubeReservedMebibytes: 1024, systemReservedMebibytes: 256, evictionHardMebibytes: 0, reservedMemoryNumaNode: 1,
    });
    expect(config.reservedMemory).toEqual([{ numaNode: 1, limits: { memory: '1280Mi' } }]);
    expect(reservedMemoryMebibytes({ kubeReservedMebibytes: 1024, systemReservedMebibytes: 256, evictionHardMebibytes: 0 })).toBe(1280);
  });

  test('full-pcpus-only when asked (SMT on)', () => {
    expect(kubeletConfiguration({ ...inputs, fullPcpusOnly: true }).cpuManagerPolicyOptions).toEqual({ 'full-pcpus-only': 'true' });
  });

  test.each([TopologyManagerPolicy.NONE, TopologyManagerPolicy.BEST_EFFORT])('no Memory Manager under %s', (policy) => {
    const config = kubeletConfiguration({ ...inputs, topologyManagerPolicy: policy });
    expect(config.memoryManagerPolicy).toBeUndefined();
    expect(config.reservedMemory).toBeUndefined();
    expect(config.topologyManagerPolicy).toBe(policy);
  });

  test('restricted turns the Memory Manager on', () => {
    expect(kubeletConfiguration({ ...inputs, topologyManagerPolicy: TopologyManagerPolicy.RESTRICTED }).memoryManagerPolicy).toBe('Static');
  });
});

describe('memory helpers', () => {
  test('wholeMebibytes', () => {
    expect(wholeMebibytes(Size.gibibytes(1))).toBe(1024);
    expect(wholeMebibytes(Size.kibibytes(1536))).toBeUndefined();
    expect(wholeMebibytes(Size.mebibytes(0))).toBe(0);
    expect(wholeMebibytes(undefined)).toBeUndefined();
    expect(wholeMebibytes({} as any)).toBeUndefined();
  });

  test('reservedMemoryNumaNode: the lowest node with a reserved CPU', () => {
    const cpus = (n: number) => (n === 0 ? CpuSet.parse('0-7') : CpuSet.parse('8-15'));
    expect(reservedMemoryNumaNode(CpuSet.parse('0-1,8-9'), [1, 0], cpus)).toBe(0);
    expect(reservedMemoryNumaNode(CpuSet.parse('8-9'), [0, 1], cpus)).toBe(1);
    expect(reservedMemoryNumaNode(CpuSet.empty(), [0, 1], cpus)).toBe(0);
  });
});
