import { error } from '../finding';
import { ValidationError } from '../validation-error';

// A small, strict XML reader for the subset `virsh capabilities` prints: elements, attributes, text, comments,
// processing instructions and CDATA. DOCTYPE (and so any custom entity) is refused, which rules out entity-expansion
// attacks; parsing is iterative (no recursion) and bounded in depth, so hostile input cannot overflow the stack.

/** One element of a parsed document. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  /** The concatenated text directly inside the element (child elements excluded), entity-decoded. */
  readonly text: string;
  /** 1-based line of the element's start tag. */
  readonly line: number;
}

interface OpenElement {
  readonly name: string;
  readonly attributes: Map<string, string>;
  readonly children: XmlElement[];
  text: string;
  readonly line: number;
}

const MAX_DEPTH = 64;
const NAME = /[A-Za-z_:][-A-Za-z0-9_.:]*/y;
const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Parses `text` into its root element, or throws a ValidationError with `code` whose field names `source` and the
 * line of the problem.
 */
export function parseXml(text: string, source: string, code: string): XmlElement {
  return new XmlReader(text, source, code).document();
}

/** `<name id='3'>` followed by the line: how messages point at an element. */
export function describeElement(element: XmlElement): string {
  const id = element.attributes.get('id');
  return `<${element.name}${id === undefined ? '' : ` id='${id}'`}> (line ${element.line})`;
}

class XmlReader {
  private pos = 0;
  private readonly newlines: number[] = [];

  constructor(private readonly text: string, private readonly source: string, private readonly code: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.newlines.push(i);
  }

  public document(): XmlElement {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.skipMisc();
    if (this.pos >= this.text.length) {
      throw this.fail('an XML document with a root element', 'the input is empty', 'paste the full output of `virsh capabilities`');
    }
    if (!this.text.startsWith('<', this.pos) || this.text.startsWith('</', this.pos)) {
      throw this.fail('a root element such as <capabilities>', `text ${this.excerpt()}`, 'paste the XML exactly as virsh prints it');
    }
    const root = this.element();
    this.skipMisc();
    if (this.pos < this.text.length) {
      throw this.fail('nothing after the root element', `extra content ${this.excerpt()}`, 'paste a single XML document');
    }
    return root;
  }

  /** Parses one element starting at `<`, iteratively. */
  private element(): XmlElement {
    const stack: OpenElement[] = [];
    let done: XmlElement | undefined;
    let open = this.startTag();
    if (open.selfClosed) return freeze(open.element);
    stack.push(open.element);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (this.pos >= this.text.length) {
        throw this.fail(`a closing </${top.name}>`, 'the end of the input (truncated document)', 'paste the complete document');
      }
      if (this.text.startsWith('</', this.pos)) {
        this.endTag(top.name);
        stack.pop();
        done = freeze(top);
        if (stack.length > 0) stack[stack.length - 1].children.push(done);
      } else if (this.text.startsWith('<!--', this.pos)) {
        this.skipUntil('-->', 'comment');
      } else if (this.text.startsWith('<![CDATA[', this.pos)) {
        const end = this.indexOrFail(']]>', this.pos + 9, 'CDATA section');
        top.text += this.text.slice(this.pos + 9, end);
        this.pos = end + 3;
      } else if (this.text.startsWith('<?', this.pos)) {
        this.skipUntil('?>', 'processing instruction');
      } else if (this.text.startsWith('<!', this.pos)) {
        throw this.fail('elements, text and comments only', `a declaration ${this.excerpt()}`, 'remove DOCTYPE/ENTITY declarations');
      } else if (this.text.startsWith('<', this.pos)) {
        if (stack.length >= MAX_DEPTH) {
          throw this.fail(`at most ${MAX_DEPTH} nested elements`, 'deeper nesting', 'paste the output of `virsh capabilities`');
        }
        open = this.startTag();
        if (open.selfClosed) top.children.push(freeze(open.element));
        else stack.push(open.element);
      } else {
        const next = this.text.indexOf('<', this.pos);
        const end = next < 0 ? this.text.length : next;
        top.text += this.decode(this.text.slice(this.pos, end));
        this.pos = end;
      }
    }
    return done as XmlElement;
  }

  private startTag(): { element: OpenElement; selfClosed: boolean } {
    const line = this.lineAt(this.pos);
    this.pos++; // '<'
    const name = this.name('an element name after "<"');
    const attributes = new Map<string, string>();
    for (;;) {
      const hadSpace = this.skipSpace();
      if (this.text.startsWith('/>', this.pos)) {
        this.pos += 2;
        return { element: { name, attributes, children: [], text: '', line }, selfClosed: true };
      }
      if (this.text.startsWith('>', this.pos)) {
        this.pos++;
        return { element: { name, attributes, children: [], text: '', line }, selfClosed: false };
      }
      if (this.pos >= this.text.length) {
        throw this.fail(`the end of the <${name}> tag`, 'the end of the input (truncated document)', 'paste the complete document');
      }
      if (!hadSpace) throw this.fail(`whitespace, ">" or "/>" in <${name}>`, this.excerpt(), 'fix the tag');
      const attribute = this.name(`an attribute name, ">" or "/>" in <${name}>`);
      this.skipSpace();
      if (!this.text.startsWith('=', this.pos)) throw this.fail(`"=" after attribute ${attribute}`, this.excerpt(), 'write attributes as name=\'value\'');
      this.pos++;
      this.skipSpace();
      const quote = this.text[this.pos];
      if (quote !== '"' && quote !== "'") throw this.fail(`a quoted value for attribute ${attribute}`, this.excerpt(), 'quote the value');
      const end = this.indexOrFail(quote, this.pos + 1, `value of attribute ${attribute}`);
      const raw = this.text.slice(this.pos + 1, end);
      if (raw.includes('<')) throw this.fail(`no "<" in the value of attribute ${attribute}`, raw, 'escape "<" as &lt;');
      if (attributes.has(attribute)) throw this.fail(`attribute ${attribute} once in <${name}>`, 'a duplicate', 'remove the duplicate');
      attributes.set(attribute, this.decode(raw));
      this.pos = end + 1;
    }
  }

  private endTag(expected: string): void {
    this.pos += 2;
    const name = this.name('an element name after "</"');
    this.skipSpace();
    if (!this.text.startsWith('>', this.pos)) throw this.fail(`">" to close </${name}`, this.excerpt(), 'fix the closing tag');
    this.pos++;
    if (name !== expected) {
      throw this.fail(`</${expected}>`, `</${name}>`, `close <${expected}> before closing <${name}>`);
    }
  }

  private name(what: string): string {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.text);
    if (!match) throw this.fail(what, this.excerpt(), 'paste the XML exactly as virsh prints it');
    this.pos += match[0].length;
    return match[0];
  }

  private decode(raw: string): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s]{0,10});?/g, (whole, entity: string) => {
      if (!whole.endsWith(';')) throw this.fail('entities ending with ";"', whole, 'escape "&" as &amp;');
      const named = PREDEFINED_ENTITIES[entity];
      if (named !== undefined) return named;
      const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(entity);
      const code = numeric ? parseInt(numeric[1] ?? numeric[2], numeric[1] ? 16 : 10) : NaN;
      if (!(code >= 1 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) {
        throw this.fail('one of &lt; &gt; &amp; &quot; &apos; or a character reference', whole, 'escape "&" as &amp;');
      }
      return String.fromCodePoint(code);
    });
  }

  /** Skips whitespace, comments and processing instructions outside the root element. */
  private skipMisc(): void {
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('<?', this.pos)) {this.skipUntil('?>', 'processing instruction');} else if (this.text.startsWith('<!--', this.pos)) {this.skipUntil('-->', 'comment');} else if (this.text.startsWith('<!', this.pos)) {
        throw this.fail('elements, text and comments only', `a declaration ${this.excerpt()}`, 'remove DOCTYPE/ENTITY declarations');
      } else {return;}
    }
  }

  private skipSpace(): boolean {
    const start = this.pos;
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos])) this.pos++;
    return this.pos > start;
  }

  private skipUntil(terminator: string, what: string): void {
    this.pos = this.indexOrFail(terminator, this.pos + 2, what) + terminator.length;
  }

  private indexOrFail(needle: string, from: number, what: string): number {
    const at = this.text.indexOf(needle, from);
    if (at < 0) throw this.fail(`the end of the ${what} ("${needle}")`, 'the end of the input (truncated document)', 'paste the complete document');
    return at;
  }

  private excerpt(): string {
    const rest = this.text.slice(this.pos, this.pos + 30);
    return rest === '' ? 'the end of the input' : JSON.stringify(rest);
  }

  /** 1-based line number of offset `pos` (binary search over the newline offsets). */
  private lineAt(pos: number): number {
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.newlines[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  private fail(expected: string, got: string, fix: string): ValidationError {
    const field = `${this.source} line ${this.lineAt(Math.min(this.pos, this.text.length))}`;
    return new ValidationError([{ ...error(this.code, field, got, expected, fix), value: got }]);
  }
}

function freeze(open: OpenElement): XmlElement {
  return { name: open.name, attributes: open.attributes, children: open.children, text: open.text, line: open.line };
}
