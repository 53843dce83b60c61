import { isPoolBackend, PoolBackend } from '../../../src/values/pool/pool-backend';

describe('PoolBackend', () => {
  test('two backends, MachineConfig first', () => {
    expect(Object.values(PoolBackend)).toEqual(['machine-config', 'performance-profile']);
  });

  test('isPoolBackend accepts the members only', () => {
    expect(isPoolBackend(PoolBackend.MACHINE_CONFIG)).toBe(true);
    expect(isPoolBackend(PoolBackend.PERFORMANCE_PROFILE)).toBe(true);
    for (const other of ['MACHINE_CONFIG', 'nto', '', undefined, null, 1]) expect(isPoolBackend(other)).toBe(false);
  });
});
