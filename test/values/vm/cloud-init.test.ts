import { CloudInit } from '../../../src/values/vm/cloud-init';

describe('CloudInit', () => {
  test('fromSecret references the Secret (the safe path)', () => {
    const c = CloudInit.fromSecret('rt-userdata');
    expect(c.secretName).toBe('rt-userdata');
    expect(c._noCloud()).toEqual({ secretRef: { name: 'rt-userdata' } });
  });

  test('userData is inline', () => {
    const c = CloudInit.userData('#cloud-config\n');
    expect(c.inlineUserData).toBe('#cloud-config\n');
    expect(c._noCloud()).toEqual({ userData: '#cloud-config\n' });
  });
});
