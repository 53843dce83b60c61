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

  test('refuses arguments that are not strings at the typed boundary (issue 13); empty texts are the VM rules\' business', () => {
    expect(() => CloudInit.fromSecret(undefined as unknown as string)).toThrow('[PROP_REQUIRED] CloudInit.fromSecret(secretName): got (not set), expected a string');
    expect(() => CloudInit.userData(42 as unknown as string)).toThrow('[PROP_TYPE_INVALID] CloudInit.userData(text): got 42, expected a string');
    expect(() => CloudInit.userData(null as unknown as string)).toThrow('[PROP_TYPE_INVALID] CloudInit.userData(text): got null');
    expect(CloudInit.fromSecret('').secretName).toBe('');
  });
});
