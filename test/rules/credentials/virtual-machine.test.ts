import { b64, gzip, SECRET } from './scan-helpers';
import { MAX_FIELD_CHARS } from '../../../src/rules/credentials/scan-limits';
import { scanCloudInitVolume, scanUserDataField, scanVirtualMachineCredentials } from '../../../src/rules/credentials/virtual-machine';

const USER_DATA = `#cloud-config\npassword: ${SECRET}\n`;
const NETWORK_DATA = `version: 2\nwifis:\n  wlan0:\n    access-points:\n      home: {password: ${SECRET}}\n`;

function vmWith(volumes: unknown[]): unknown {
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: { name: 'rt' },
    spec: { template: { spec: { domain: { devices: {} }, volumes } } },
  };
}

describe('scanVirtualMachineCredentials', () => {
  test('every inline field of cloudInitNoCloud and cloudInitConfigDrive volumes', () => {
    const scan = scanVirtualMachineCredentials(vmWith([
      { name: 'root', containerDisk: { image: 'x' } },
      { name: 'a', cloudInitNoCloud: { userData: USER_DATA, networkData: NETWORK_DATA } },
      { name: 'b', cloudInitNoCloud: { userDataBase64: b64(gzip(USER_DATA)), networkDataBase64: b64(NETWORK_DATA) } },
      { name: 'c', cloudInitConfigDrive: { userDataBase64: b64(USER_DATA), networkData: NETWORK_DATA } },
    ]));
    expect(scan.hits).toEqual([
      { field: 'spec.template.spec.volumes[1].cloudInitNoCloud.userData', indicator: 'key "password"' },
      { field: 'spec.template.spec.volumes[1].cloudInitNoCloud.networkData', indicator: 'key "password" under wifis.wlan0.access-points.home' },
      { field: 'spec.template.spec.volumes[2].cloudInitNoCloud.userDataBase64', indicator: 'key "password" in gzip data' },
      { field: 'spec.template.spec.volumes[2].cloudInitNoCloud.networkDataBase64', indicator: 'key "password" under wifis.wlan0.access-points.home' },
      { field: 'spec.template.spec.volumes[3].cloudInitConfigDrive.userDataBase64', indicator: 'key "password"' },
      { field: 'spec.template.spec.volumes[3].cloudInitConfigDrive.networkData', indicator: 'key "password" under wifis.wlan0.access-points.home' },
    ]);
    expect(scan.uninspectable).toEqual([]);
    expect(JSON.stringify(scan)).not.toContain(SECRET);
  });

  test('Secret references are the safe way: nothing to report', () => {
    const scan = scanVirtualMachineCredentials(vmWith([
      { name: 'a', cloudInitNoCloud: { secretRef: { name: 'ci' }, networkDataSecretRef: { name: 'net' } } },
      { name: 'b', cloudInitConfigDrive: { userDataSecretRef: { name: 'ci' } } },
    ]));
    expect(scan).toEqual({ hits: [], uninspectable: [] });
  });

  test('a VirtualMachineInstance (spec.volumes) is read too', () => {
    const scan = scanVirtualMachineCredentials({ kind: 'VirtualMachineInstance', spec: { volumes: [{ cloudInitNoCloud: { userData: USER_DATA } }] } });
    expect(scan.hits).toEqual([{ field: 'spec.volumes[0].cloudInitNoCloud.userData', indicator: 'key "password"' }]);
  });

  test('wrong types are uninspectable, never a crash', () => {
    expect(scanVirtualMachineCredentials(vmWith([{ cloudInitNoCloud: { userData: 42, userDataBase64: ['x'] } }, { cloudInitNoCloud: 'x' }])).uninspectable)
      .toEqual([
        { field: 'spec.template.spec.volumes[0].cloudInitNoCloud.userData', reason: 'a number where text belongs' },
        { field: 'spec.template.spec.volumes[0].cloudInitNoCloud.userDataBase64', reason: 'a list where text belongs' },
        { field: 'spec.template.spec.volumes[1].cloudInitNoCloud', reason: 'a string where an object belongs' },
      ]);
    expect(scanVirtualMachineCredentials({ spec: { template: { spec: { volumes: {} } } } }).uninspectable)
      .toEqual([{ field: 'spec.template.spec.volumes', reason: 'an object where a list of volumes belongs' }]);
    for (const v of [undefined, null, 0, 'vm', [], {}, { spec: null }]) {
      expect(scanVirtualMachineCredentials(v)).toEqual({ hits: [], uninspectable: [] });
    }
  });

  test('invalid base64 (KubeVirt refuses it) and oversized fields are uninspectable', () => {
    const scan = scanVirtualMachineCredentials(vmWith([{ cloudInitNoCloud: { userDataBase64: `${b64(USER_DATA)}!` } }]));
    expect(scan.uninspectable.map((u) => u.reason)).toEqual(['text that is not valid base64, which KubeVirt refuses (read leniently instead)']);
    expect(scan.hits.map((h) => h.indicator)).toEqual(['key "password"']);
    const big = scanVirtualMachineCredentials(vmWith([{ cloudInitNoCloud: { userData: `${USER_DATA}#${'x'.repeat(MAX_FIELD_CHARS)}` } }]));
    expect(big.uninspectable.map((u) => u.reason)).toEqual([`text of ${USER_DATA.length + 1 + MAX_FIELD_CHARS} characters, over the ceiling of ${MAX_FIELD_CHARS}`]);
  });

  test('a getter that throws is reported, not thrown', () => {
    const hostile = { spec: { template: { spec: { volumes: [{ get cloudInitNoCloud(): unknown { throw new Error('boom'); } }] } } } };
    expect(scanVirtualMachineCredentials(hostile).uninspectable).toEqual([{ field: 'spec.template.spec.volumes', reason: 'volumes the scanner stopped on (Error)' }]);
  });
});

describe('scanCloudInitVolume', () => {
  test('hits name the field under the given prefix', () => {
    expect(scanCloudInitVolume({ cloudInitNoCloud: { userDataBase64: b64(USER_DATA) } }, 'spec.template.spec.volumes[2]')).toEqual({
      hits: [{ field: 'spec.template.spec.volumes[2].cloudInitNoCloud.userDataBase64', indicator: 'key "password"' }],
      uninspectable: [],
    });
    expect(scanCloudInitVolume({ containerDisk: { image: 'x' } }, 'v')).toEqual({ hits: [], uninspectable: [] });
    expect(scanCloudInitVolume(null, 'v')).toEqual({ hits: [], uninspectable: [] });
  });
});

describe('scanUserDataField', () => {
  test('many indicators are capped, the rest counted', () => {
    const users = Array.from({ length: 60 }, (_, i) => `- {name: u${i}, passwd: x}`).join('\n');
    const scan = scanUserDataField(`#cloud-config\nusers:\n${users}\n`, 'userData');
    expect(scan.hits).toHaveLength(51);
    expect(scan.hits[50]).toEqual({ field: 'userData', indicator: 'and 10 more indicator(s)' });
  });
});
