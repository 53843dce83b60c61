import { scanWith } from './scan-helpers';
import { archiveParts } from '../../../src/rules/credentials/cloud-config-archive';
import { readYaml, YamlAttempt } from '../../../src/rules/credentials/yaml-reading';

function parts(text: string, max = 10): ReturnType<typeof archiveParts> {
  let out: ReturnType<typeof archiveParts>;
  scanWith((ctx) => { out = archiveParts(readYaml(text, ctx, YamlAttempt.REQUIRED)!.documents[0], max); });
  return out;
}

describe('archiveParts', () => {
  test('text items and mappings; keys read in any case; aliases resolved', () => {
    expect(parts('- "#!/bin/sh"\n- {type: Text/X-ShellScript, content: a, Content-Transfer-Encoding: Base64, encoding: B64}\n- &p {content: b}\n- *p\n- 42\n- [x]'))
      .toEqual({
        parts: [
          { index: 0, content: '#!/bin/sh' },
          { index: 1, content: 'a', type: 'text/x-shellscript', encoding: 'b64', transferEncoding: 'base64' },
          { index: 2, content: 'b', type: undefined, encoding: undefined, transferEncoding: undefined },
          { index: 3, content: 'b', type: undefined, encoding: undefined, transferEncoding: undefined },
          { index: 4, content: '42' },
        ],
        more: false,
      });
  });

  test('binary content, documents that are not lists, the part ceiling', () => {
    expect(parts('- {content: !!binary aGk=}')!.parts[0].content).toBeInstanceOf(Uint8Array);
    expect(parts('a: 1')).toBeUndefined();
    expect(parts('- a\n- b\n- c', 2)).toEqual({ parts: [{ index: 0, content: 'a' }, { index: 1, content: 'b' }], more: true });
  });
});
