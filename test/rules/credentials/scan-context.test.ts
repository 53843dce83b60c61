import { ScanContext, ScanSink } from '../../../src/rules/credentials/scan-context';
import { MAX_INDICATORS, MAX_NESTING, ScanBudget } from '../../../src/rules/credentials/scan-limits';

describe('ScanContext', () => {
  test('indicators say what, under which path, in which containers (innermost first)', () => {
    const sink = new ScanSink();
    const root = ScanContext.root('userData', ScanBudget.standard(), sink);
    root.found('key "password"');
    root.open('MIME part 1 (text/cloud-config)')!.at('write_files[0].content').found('a private key block');
    root.open('gzip data')!.found('key "passwd"', 'users[0]');
    root.found('key "password"');
    root.cannotInspect('x');
    root.cannotInspect('x');
    expect(sink.result()).toEqual({
      hits: [
        { field: 'userData', indicator: 'key "password"' },
        { field: 'userData', indicator: 'a private key block in write_files[0].content in MIME part 1 (text/cloud-config)' },
        { field: 'userData', indicator: 'key "passwd" under users[0] in gzip data' },
      ],
      uninspectable: [{ field: 'userData', reason: 'x' }],
    });
  });

  test('nesting past the ceiling is refused and recorded', () => {
    const sink = new ScanSink();
    let ctx: ScanContext | undefined = ScanContext.root('f', ScanBudget.standard(), sink);
    for (let i = 0; i < MAX_NESTING; i++) ctx = ctx!.open(`c${i}`);
    expect(ctx!.nesting).toBe(MAX_NESTING);
    expect(ctx!.open('one more')).toBeUndefined();
    expect(sink.result().uninspectable[0].reason).toMatch(/^data nested more than 8 containers deep \(one more\) in c7/);
  });

  test('indicators per field are capped, the rest counted once each', () => {
    const sink = new ScanSink();
    const ctx = ScanContext.root('f', ScanBudget.standard(), sink);
    for (let i = 0; i < MAX_INDICATORS + 5; i++) ctx.found(`k${i}`);
    ctx.found(`k${MAX_INDICATORS + 1}`);
    const hits = sink.result().hits;
    expect(hits).toHaveLength(MAX_INDICATORS + 1);
    expect(hits[MAX_INDICATORS].indicator).toBe('and 5 more indicator(s)');
  });
});
