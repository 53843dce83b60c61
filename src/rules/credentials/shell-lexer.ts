// A small POSIX-shell reader, enough to see which command gets which argument or standard input: words (quotes
// removed), pipelines, here-documents and here-strings, command substitutions. It never runs anything and never
// fails: unbalanced quotes simply run to the end of the text. One pass, linear in the text.

/** Stands for a value known only when the script runs (`$VAR`, `${x}`, `$(cmd)`, `` `cmd` ``). */
export const EXPANSION = '\u0000';

/** One simple command: its words (redirections removed) and what its standard input is, if written in the script. */
export interface ShellCommand {
  /** The words, quotes removed, expansions replaced by {@link EXPANSION}. */
  readonly words: string[];
  /** A here-string or here-document body (expansions replaced unless the delimiter was quoted). */
  stdin?: string;
}

/** Receives each pipeline (commands joined by `|`; a command alone is a pipeline of one) as soon as it is read. */
export type PipelineReader = (pipeline: ShellCommand[]) => void;

/** Whether a word has text of its own besides expansions (a literal value is written in the script). */
export function hasLiteral(word: string): boolean {
  return word.split(EXPANSION).join('').trim() !== '';
}

/**
 * Reads a shell script, handing each pipeline to `onPipeline` (nothing is kept, so memory stays flat on long
 * scripts); returns the inner texts of its `$(...)` and `` `...` `` substitutions, to be read as scripts of their own.
 */
export function lexShell(text: string, onPipeline: PipelineReader): string[] {
  return new ShellLexer(text, onPipeline).read();
}

/** Expansions in an unquoted here-document body (bounded repetitions keep the replacement linear). */
const HEREDOC_EXPANSION = /\$\{[^}\n]{0,256}\}|\$\([^)\n]{0,256}\)|\$[A-Za-z_][A-Za-z0-9_]{0,256}|\$[0-9@*#?$!-]|`[^`\n]{0,256}`/g;

/** A run of characters with no meaning to the shell (read in one step: the lexer's hot path). */
const PLAIN_RUN = /[^\s'"$`|&;()<>\\]+/y;

interface PendingHeredoc {
  readonly command: ShellCommand;
  readonly delimiter: string;
  readonly stripTabs: boolean;
  readonly quoted: boolean;
}

class ShellLexer {
  private i = 0;
  private readonly substitutions: string[] = [];
  private pipeline: ShellCommand[] = [];
  private finished: ShellCommand[][] = [];
  private command: ShellCommand = { words: [] };
  private word: string | undefined;
  private wordQuoted = false;
  private nextWordIs: 'argument' | 'redirect-target' | 'here-string' | 'heredoc-delimiter' = 'argument';
  private heredocStripTabs = false;
  private pendingHeredocs: PendingHeredoc[] = [];

  constructor(private readonly text: string, private readonly onPipeline: PipelineReader) {}

  public read(): string[] {
    const t = this.text;
    while (this.i < t.length) {
      const c = t[this.i];
      if (c === '\n') {
        this.endPipeline();
        this.i++;
        this.readHeredocBodies();
      } else if (c === ' ' || c === '\t' || c === '\r') {
        this.endWord();
        this.i++;
      } else if (c === '#' && this.word === undefined) {
        const nl = t.indexOf('\n', this.i);
        this.i = nl < 0 ? t.length : nl;
      } else if (c === '\\') {
        if (t[this.i + 1] !== '\n' && this.i + 1 < t.length) this.append(t[this.i + 1]);
        this.i += 2;
      } else if (c === "'") {
        this.readSingleQuoted();
      } else if (c === '"') {
        this.readDoubleQuoted();
      } else if (c === '$') {
        this.i = this.readDollar(this.i);
      } else if (c === '`') {
        this.i = this.readBacktick(this.i);
      } else if (c === '|') {
        const next = t[this.i + 1];
        if (next === '|') {
          this.endPipeline();
          this.i += 2;
        } else {
          this.endCommand();
          this.i += next === '&' ? 2 : 1;
        }
      } else if (c === '&') {
        if (t[this.i + 1] === '>') {
          this.startRedirect();
          this.i += t[this.i + 2] === '>' ? 3 : 2;
        } else {
          this.endPipeline();
          this.i += t[this.i + 1] === '&' ? 2 : 1;
        }
      } else if (c === ';' || c === '(' || c === ')') {
        this.endPipeline();
        this.i++;
      } else if (c === '<' || c === '>') {
        this.readRedirect(c);
      } else {
        PLAIN_RUN.lastIndex = this.i;
        const run = PLAIN_RUN.exec(t);
        const piece = run === null ? c : run[0];
        this.append(piece);
        this.i += piece.length;
      }
    }
    this.endPipeline();
    this.readHeredocBodies();
    this.flushPipelines();
    return this.substitutions;
  }

  private append(s: string): void {
    this.word = (this.word ?? '') + s;
  }

  private endWord(): void {
    if (this.word === undefined) return;
    const word = this.word;
    const quoted = this.wordQuoted;
    this.word = undefined;
    this.wordQuoted = false;
    const role = this.nextWordIs;
    this.nextWordIs = 'argument';
    if (role === 'argument') {
      this.command.words.push(word);
    } else if (role === 'here-string') {
      this.command.stdin = word;
    } else if (role === 'heredoc-delimiter') {
      this.pendingHeredocs.push({ command: this.command, delimiter: word, stripTabs: this.heredocStripTabs, quoted });
    }
  }

  private endCommand(): void {
    this.endWord();
    this.nextWordIs = 'argument';
    if (this.command.words.length > 0 || this.command.stdin !== undefined || this.pendingHeredocs.some((h) => h.command === this.command)) {
      this.pipeline.push(this.command);
    }
    this.command = { words: [] };
  }

  private endPipeline(): void {
    this.endCommand();
    if (this.pipeline.length > 0) this.finished.push(this.pipeline);
    this.pipeline = [];
    // A pipeline is handed over once no here-document of it waits for its body (read after the line ends).
    if (this.pendingHeredocs.length === 0) this.flushPipelines();
  }

  private flushPipelines(): void {
    for (const p of this.finished) this.onPipeline(p);
    this.finished = [];
  }

  /** `<`, `<<`, `<<-`, `<<<`, `>`, `>>`, `>|`, `>&2`, with a file-descriptor number before them dropped. */
  private readRedirect(c: string): void {
    const t = this.text;
    if (c === '<' && t.startsWith('<<<', this.i)) {
      this.dropDescriptorNumber();
      this.nextWordIs = 'here-string';
      this.i += 3;
      return;
    }
    if (c === '<' && t.startsWith('<<', this.i)) {
      this.dropDescriptorNumber();
      this.i += 2;
      this.heredocStripTabs = t[this.i] === '-';
      if (this.heredocStripTabs) this.i++;
      this.nextWordIs = 'heredoc-delimiter';
      return;
    }
    this.dropDescriptorNumber();
    this.i++;
    if (t[this.i] === '>' || t[this.i] === '|' || (c === '<' && t[this.i] === '>')) this.i++;
    if (t[this.i] === '&') {
      this.i++;
      while (this.i < t.length && /[0-9-]/.test(t[this.i])) this.i++;
      return;
    }
    this.nextWordIs = 'redirect-target';
  }

  private startRedirect(): void {
    this.endWord();
    this.nextWordIs = 'redirect-target';
  }

  private dropDescriptorNumber(): void {
    if (this.word !== undefined && /^\d+$/.test(this.word) && !this.wordQuoted) this.word = undefined;
    this.endWord();
  }

  private readSingleQuoted(): void {
    const t = this.text;
    const end = t.indexOf("'", this.i + 1);
    const stop = end < 0 ? t.length : end;
    this.append(t.slice(this.i + 1, stop));
    this.wordQuoted = true;
    this.i = stop + 1;
  }

  private readDoubleQuoted(): void {
    const t = this.text;
    let j = this.i + 1;
    this.append('');
    this.wordQuoted = true;
    while (j < t.length && t[j] !== '"') {
      const c = t[j];
      if (c === '\\' && j + 1 < t.length && '$`"\\\n'.includes(t[j + 1])) {
        if (t[j + 1] !== '\n') this.append(t[j + 1]);
        j += 2;
      } else if (c === '$') {
        j = this.readDollar(j);
      } else if (c === '`') {
        j = this.readBacktick(j);
      } else {
        this.append(c);
        j++;
      }
    }
    this.i = j + 1;
  }

  /** Reads the expansion at `j` (a `$`); returns the index after it. */
  private readDollar(j: number): number {
    const t = this.text;
    const next = t[j + 1];
    if (next === '(') {
      const end = matchingParen(t, j + 1);
      if (t[j + 2] !== '(') this.substitutions.push(t.slice(j + 2, end));
      this.append(EXPANSION);
      return end + 1;
    }
    if (next === '{') {
      const end = t.indexOf('}', j + 2);
      this.append(EXPANSION);
      return end < 0 ? t.length : end + 1;
    }
    if (next !== undefined && /[A-Za-z_]/.test(next)) {
      let k = j + 2;
      while (k < t.length && /[A-Za-z0-9_]/.test(t[k])) k++;
      this.append(EXPANSION);
      return k;
    }
    if (next !== undefined && /[0-9@*#?$!-]/.test(next)) {
      this.append(EXPANSION);
      return j + 2;
    }
    if (next === "'") {
      // ANSI-C quoting $'...': literal text (escapes left as written).
      let k = j + 2;
      while (k < t.length && t[k] !== "'") k += t[k] === '\\' ? 2 : 1;
      this.append(t.slice(j + 2, Math.min(k, t.length)));
      this.wordQuoted = true;
      return k + 1;
    }
    this.append('$');
    return j + 1;
  }

  /** Reads the command substitution at `j` (a backquote); returns the index after it. */
  private readBacktick(j: number): number {
    const t = this.text;
    let k = j + 1;
    while (k < t.length && t[k] !== '`') k += t[k] === '\\' ? 2 : 1;
    this.substitutions.push(t.slice(j + 1, Math.min(k, t.length)));
    this.append(EXPANSION);
    return k + 1;
  }

  /** After a newline: the bodies of the here-documents opened on the line just read. */
  private readHeredocBodies(): void {
    const t = this.text;
    for (const h of this.pendingHeredocs) {
      const lines: string[] = [];
      while (this.i < t.length) {
        const nl = t.indexOf('\n', this.i);
        const end = nl < 0 ? t.length : nl;
        let line = t.slice(this.i, end).replace(/\r$/, '');
        this.i = end + 1;
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delimiter) break;
        lines.push(line);
      }
      const body = lines.join('\n');
      h.command.stdin = h.quoted ? body : body.replace(HEREDOC_EXPANSION, EXPANSION);
    }
    this.pendingHeredocs = [];
    this.flushPipelines();
  }
}

/** The index of the `)` closing the `(` at `open`, skipping quoted text; the text's length when unbalanced. */
function matchingParen(t: string, open: number): number {
  let depth = 0;
  let k = open;
  while (k < t.length) {
    const c = t[k];
    if (c === '\\') {
      k += 2;
      continue;
    }
    if (c === "'") {
      const end = t.indexOf("'", k + 1);
      k = end < 0 ? t.length : end + 1;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return k;
    k++;
  }
  return t.length;
}
