import { parseMimeEntity, splitMultipart } from '../../../src/rules/credentials/mime';

describe('parseMimeEntity', () => {
  test('headers (folded, repeated, any case) and body', () => {
    const e = parseMimeEntity('Content-Type: multipart/mixed;\r\n boundary="a b";\r\n\tcharset=utf-8\r\nX-A: 1\r\nx-a: 2\r\n\r\nbody\r\nline');
    expect(e.contentType).toBe('multipart/mixed');
    expect(e.parameters.get('boundary')).toBe('a b');
    expect(e.parameters.get('charset')).toBe('utf-8');
    expect(e.headers.get('x-a')).toBe('1');
    expect(e.body).toBe('body\nline');
  });

  test('no Content-Type means text/plain; a line that is not a header starts the body', () => {
    const e = parseMimeEntity('#cloud-config\npassword: x');
    expect(e.contentType).toBe('text/plain');
    expect(e.body).toBe('#cloud-config\npassword: x');
    expect(parseMimeEntity('Content-Type: nonsense\n\nx').contentType).toBe('text/plain');
  });
});

describe('splitMultipart', () => {
  test('parts between boundary lines, preamble and epilogue outside', () => {
    const body = 'preamble\n--b\nA: 1\n\none\n--b \ntwo\n--b--\nepilogue';
    expect(splitMultipart(body, 'b')).toEqual({ parts: ['A: 1\n\none', 'two'], outside: 'preamble\nepilogue' });
  });

  test('a missing closing boundary keeps the last part', () => {
    expect(splitMultipart('--b\nx', 'b').parts).toEqual(['x']);
  });
});
