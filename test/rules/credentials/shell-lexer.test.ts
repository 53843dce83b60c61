import { EXPANSION, hasLiteral, lexShell, ShellCommand } from '../../../src/rules/credentials/shell-lexer';

function lex(script: string): { pipelines: ShellCommand[][]; substitutions: string[] } {
  const pipelines: ShellCommand[][] = [];
  const substitutions = lexShell(script, (p) => pipelines.push(p));
  return { pipelines, substitutions };
}

describe('lexShell', () => {
  test('words, quotes, pipelines and separators', () => {
    const { pipelines } = lex('echo \'a b\' "c d"e | tr a b; ls && pwd || true & sleep 1\nnext');
    expect(pipelines.map((p) => p.map((c) => c.words))).toEqual([
      [['echo', 'a b', 'c de'], ['tr', 'a', 'b']], [['ls']], [['pwd']], [['true']], [['sleep', '1']], [['next']],
    ]);
  });

  test('expansions become a marker; comments, redirections and line continuations are dropped', () => {
    const { pipelines, substitutions } = lex('usermod -p "$H${X}$(cat f)`id`" u 2>&1 >/dev/null < in # comment\nls \\\n -l');
    expect(pipelines[0][0].words).toEqual(['usermod', '-p', EXPANSION.repeat(4), 'u']);
    expect(pipelines[1][0].words).toEqual(['ls', '-l']);
    expect(substitutions).toEqual(['cat f', 'id']);
    expect(hasLiteral(EXPANSION.repeat(3))).toBe(false);
    expect(hasLiteral(`${EXPANSION}abc`)).toBe(true);
  });

  test('here-strings and here-documents become the standard input', () => {
    const { pipelines } = lex("chpasswd <<< 'root:x'\ncat <<EOF | chpasswd\nroot:$PW\nEOF\ncat <<'EOF'\n$literal\nEOF\n");
    expect(pipelines[0][0].stdin).toBe('root:x');
    expect(pipelines[1][0].stdin).toBe(`root:${EXPANSION}`);
    expect(pipelines[2][0].stdin).toBe('$literal');
  });

  test('unbalanced quotes and substitutions run to the end, without failing', () => {
    expect(() => lex('echo "unclosed $(x \'y')).not.toThrow();
    expect(() => lex("$'\\")).not.toThrow();
    expect(() => lex('cat <<')).not.toThrow();
    expect(lex('echo "$(echo root:x | chpasswd').substitutions).toEqual(['echo root:x | chpasswd']);
  });
});
