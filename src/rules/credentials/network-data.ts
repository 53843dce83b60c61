import { isMap, isSeq } from 'yaml';
import { bytesToText, isGzip, isPrintableText, lenientBase64, looksLikeBase64Blob, utf8Text } from './decoding';
import { ScanContext } from './scan-context';
import { scanText, scanYamlComments, SettingLines } from './text-scan';
import { scanUserDataText } from './user-data';
import { isMimeMessage, userDataTypeOf } from './user-data-format';
import { readYaml, YamlAttempt } from './yaml-reading';
import { walkYamlDocuments } from './yaml-walker';

// Network configuration (KubeVirt `networkData`/`networkDataBase64`): netplan-style version 2 (`wifis.<if>.
// access-points.<ssid>.password`, `auth.password` and `client-key-password` for WPA-EAP / 802.1x, WireGuard
// `tunnels.<if>.keys.private` and `peers[].keys.shared`, modem `password`), version 1 (`config: [...]`), with or
// without the top-level `network:` key, or OpenStack `network_data.json` for config drives: all YAML (JSON is YAML),
// walked with the same credential keys as cloud-config. Other text (ifupdown's `wpa-psk`) is read line by line.

/** Scans network data given as bytes (`networkDataBase64` decoded). */
export function scanNetworkDataBytes(bytes: Uint8Array, ctx: ScanContext): void {
  const decoded = bytesToText(bytes, ctx, true);
  if (decoded !== undefined) scanNetworkDataText(decoded.text, decoded.ctx);
}

/** Scans network data given as text (`networkData`). */
export function scanNetworkDataText(text: string, ctx: ScanContext): void {
  const body = text.replace(/^\uFEFF/, '');
  if (looksLikeBase64Blob(body)) {
    const inner = ctx.open('base64 text');
    const bytes = inner === undefined ? undefined : lenientBase64(body, inner);
    if (inner !== undefined && bytes !== undefined && (isGzip(bytes) || isPrintableText(utf8Text(bytes) ?? '\u0000'))) {
      inner.later((c) => scanNetworkDataBytes(bytes, c));
      return;
    }
  }
  // Not network configuration at all (a MIME message, a #cloud-config, a script): cloud-init would not read it as
  // network data, but it is in the manifest all the same, so it is read the way user data of that kind is.
  if (isMimeMessage(body) || userDataTypeOf(body) !== undefined) {
    scanUserDataText(body, ctx);
    return;
  }
  const reading = readYaml(body, ctx, YamlAttempt.REQUIRED);
  if (reading === undefined) {
    scanText(body, ctx, SettingLines.READ);
    return;
  }
  if (reading.hasErrors) ctx.cannotInspect('network data that is not valid YAML (read line by line instead)');
  const structured = !reading.hasErrors && reading.documents.some((d) => isMap(d.contents) || isSeq(d.contents));
  if (structured) {
    walkYamlDocuments(reading.documents, ctx, scanUserDataText);
    scanYamlComments(reading.comments, ctx);
  } else {
    scanText(body, ctx, SettingLines.READ);
  }
}
