import { isMap, isSeq } from 'yaml';
import { ScanContext } from './scan-context';
import { scanText, scanYamlComments, SettingLines } from './text-scan';
import { readYaml, YamlAttempt } from './yaml-reading';
import { walkYamlDocuments } from './yaml-walker';

/**
 * Scans the content of a file cloud-init writes (`write_files`, after decoding): as YAML/JSON when it reads as a
 * mapping or list (a netplan file, a JSON config, a cloud.cfg.d drop-in), otherwise as text (patterns, shell
 * commands, setting lines).
 */
export function scanFileContent(text: string, ctx: ScanContext): void {
  const reading = readYaml(text, ctx, YamlAttempt.SPECULATIVE);
  const structured = reading !== undefined && !reading.hasErrors
    && reading.documents.some((d) => isMap(d.contents) || isSeq(d.contents));
  if (structured) {
    walkYamlDocuments(reading.documents, ctx, scanFileContent);
    scanYamlComments(text, ctx);
  } else {
    scanText(text, ctx, SettingLines.READ);
  }
}
