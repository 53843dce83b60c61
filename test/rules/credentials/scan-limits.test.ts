import { MAX_DECODED_BYTES, MAX_MIME_PARTS, MAX_TEXT_CHARS, MAX_YAML_CHARS, MAX_YAML_NODES, ScanBudget } from '../../../src/rules/credentials/scan-limits';

describe('ScanBudget', () => {
  test('each resource is taken until it runs out; a refused take takes nothing', () => {
    const b = ScanBudget.standard();
    expect(b.decodedBytesLeft).toBe(MAX_DECODED_BYTES);
    expect(b.takeDecodedBytes(MAX_DECODED_BYTES + 1)).toBe(false);
    expect(b.takeDecodedBytes(MAX_DECODED_BYTES)).toBe(true);
    expect(b.takeDecodedBytes(1)).toBe(false);
    expect(b.takeTextChars(MAX_TEXT_CHARS)).toBe(true);
    expect(b.takeTextChars(1)).toBe(false);
    expect(b.takeYamlChars(MAX_YAML_CHARS)).toBe(true);
    expect(b.takeYamlChars(1)).toBe(false);
    for (let i = 0; i < MAX_MIME_PARTS; i++) expect(b.takeMimePart()).toBe(true);
    expect(b.takeMimePart()).toBe(false);
    for (let i = 0; i < MAX_YAML_NODES; i++) b.takeYamlNode();
    expect(b.takeYamlNode()).toBe(false);
  });

  test('ceilings stay far above what KubeVirt admits (2 KiB of inline data per field)', () => {
    expect(MAX_YAML_CHARS).toBeGreaterThanOrEqual(32 * 2048);
    expect(MAX_TEXT_CHARS).toBeGreaterThanOrEqual(MAX_YAML_CHARS);
  });
});
