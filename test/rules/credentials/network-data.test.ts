import { b64, gzip, indicatorsOf, reasonsOf, SECRET } from './scan-helpers';
import { scanNetworkDataBytes, scanNetworkDataText } from '../../../src/rules/credentials/network-data';

function net(text: string): string[] {
  return indicatorsOf((ctx) => scanNetworkDataText(text, ctx));
}

describe('network data', () => {
  test('netplan v2 wifi: access-points.<ssid>.password and auth.password', () => {
    expect(net(`version: 2\nwifis:\n  wlan0:\n    access-points:\n      home:\n        password: ${SECRET}\n`))
      .toEqual(['key "password" under wifis.wlan0.access-points.home']);
    expect(net(`network:\n  version: 2\n  wifis:\n    wlan0:\n      access-points:\n        "Corp Wi-Fi":\n          auth: {key-management: eap, method: peap, identity: me, password: ${SECRET}}\n`))
      .toEqual(['key "password" under network.wifis.wlan0.access-points.*.auth']);
  });

  test('802.1x on ethernet, WireGuard keys, modem passwords', () => {
    expect(net(`version: 2\nethernets:\n  eth0:\n    auth: {key-management: 802.1x, method: tls, client-key: /k.pem, client-key-password: ${SECRET}}\n`))
      .toEqual(['key "client_key_password" under ethernets.eth0.auth']);
    expect(net(`version: 2\ntunnels:\n  wg0:\n    mode: wireguard\n    keys: {private: ${SECRET}=}\n    peers:\n    - keys: {public: abc=, shared: ${SECRET}=}\n`))
      .toEqual(['key "keys.private" under tunnels.wg0.keys', 'key "keys.shared" under tunnels.wg0.peers[0].keys']);
    expect(net(`version: 2\nmodems:\n  cdc-wdm0:\n    apn: internet\n    password: ${SECRET}\n`)).toEqual(['key "password" under modems.cdc-wdm0']);
  });

  test('version 1, network_data.json and ifupdown text', () => {
    expect(net('version: 1\nconfig:\n- type: physical\n  name: eth0\n  subnets: [{type: dhcp}]\n')).toEqual([]);
    expect(net('{"links": [{"id": "eth0", "type": "phy"}], "networks": [], "services": []}')).toEqual([]);
    expect(net(`auto wlan0\niface wlan0 inet dhcp\n  wpa-ssid home\n  wpa-psk ${SECRET}\n`)).toEqual(['a "wpa-psk" setting']);
  });

  test('plain network data has no credential', () => {
    expect(net('version: 2\nethernets:\n  eth0: {dhcp4: true}\nwifis:\n  wlan0:\n    access-points:\n      open-net: {}\n    dhcp4: true\n')).toEqual([]);
    expect(net('version: 2\ntunnels:\n  wg0: {mode: wireguard, keys: {private: /etc/wireguard/wg0.key}}\n')).toEqual([]);
  });

  test('bytes: gzip and base64 are undone; broken YAML is uninspectable and read line by line', () => {
    expect(indicatorsOf((ctx) => scanNetworkDataBytes(gzip(`version: 2\nwifis: {w: {access-points: {h: {password: ${SECRET}}}}}\n`), ctx)))
      .toEqual(['key "password" under wifis.w.access-points.h in gzip data']);
    expect(net(b64(`version: 2\nwifis: {w: {access-points: {h: {password: ${SECRET}}}}}\n`))).toEqual(['key "password" under wifis.w.access-points.h in base64 text']);
    expect(reasonsOf((ctx) => scanNetworkDataText(`version: 2\nwifis: [\n  password: ${SECRET}\n`, ctx)))
      .toEqual(['network data that is not valid YAML (read line by line instead)']);
    expect(net(`version: 2\nwifis: [\n  password: ${SECRET}\n`)).toEqual(['a "password" setting']);
  });

  test('data that is not network configuration (MIME, #cloud-config, a script) is read like user data: it is in the manifest', () => {
    const mime = 'Content-Type: multipart/mixed; boundary="B"\nMIME-Version: 1.0\n\n--B\nContent-Type: text/cloud-config\n'
      + `Content-Transfer-Encoding: base64\n\n${b64(`#cloud-config\npassword: ${SECRET}\n`)}\n--B--\n`;
    expect(net(mime).length).toBe(1);
    expect(net(mime)[0]).toContain('"password"');
    expect(indicatorsOf((ctx) => scanNetworkDataBytes(Buffer.from(b64(mime)), ctx)).length).toBe(1);
    expect(net(`#cloud-config\npassword: ${SECRET}\n`)).toEqual(['key "password"']);
    expect(net('#cloud-config\npackages: [passwd]\n')).toEqual([]);
  });
});
