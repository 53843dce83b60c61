/** An element of a parsed XML document (enough for tests to query an SVG). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  /** The element's own text, entities decoded (text of children not included). */
  text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9._:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' };

/**
 * A strict parser for the XML subset an SVG generator writes: an optional XML declaration, comments, elements,
 * quoted attributes and text. It throws (with the offset) on anything that is not well-formed XML: unclosed or
 * mismatched tags, duplicate or unquoted attributes, a raw `<` or `&` in text or attribute values, unknown
 * entities, several roots, content after the root. DOCTYPE, CDATA and processing instructions are refused too:
 * the generator never needs them.
 */
export function parseXml(source: string): XmlElement {
  let pos = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;

  const failAt = (message: string): never => {
    throw new Error(`XML not well-formed at offset ${pos}: ${message} (near ${JSON.stringify(source.slice(pos, pos + 40))})`);
  };
  const decode = (raw: string, inAttribute: boolean): string => {
    if (raw.includes('<')) failAt(`raw "<" in ${inAttribute ? 'attribute value' : 'text'}`);
    if (!inAttribute && raw.includes(']]>')) failAt('"]]>" in text');
    return raw.replace(/&([^;\s&]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) failAt(`raw "&" (write &amp;): ${whole}`);
      if (ENTITIES[ref] !== undefined) return ENTITIES[ref];
      const num = /^#(\d+)$/.exec(ref) ?? /^#x([0-9a-fA-F]+)$/.exec(ref);
      if (!num) return failAt(`unknown entity &${ref};`);
      return String.fromCodePoint(parseInt(num[1], ref.startsWith('#x') ? 16 : 10));
    });
  };

  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) failAt('unterminated XML declaration');
    pos = end + 2;
  }
  while (pos < source.length) {
    if (source.startsWith('<!--', pos)) {
      const end = source.indexOf('-->', pos + 4);
      if (end < 0) failAt('unterminated comment');
      if (source.slice(pos + 4, end).includes('--')) failAt('"--" inside a comment');
      pos = end + 3;
    } else if (source.startsWith('</', pos)) {
      pos += 2;
      const name = NAME.exec(source.slice(pos))?.[0] ?? failAt('bad closing tag name');
      pos += name.length;
      while (/\s/.test(source[pos] ?? '')) pos++;
      if (source[pos] !== '>') failAt('expected ">" after closing tag name');
      pos++;
      const open = stack.pop();
      if (!open || open.name !== name) failAt(`closing </${name}> does not match <${open?.name ?? '(none)'}>`);
    } else if (source.startsWith('<!', pos) || source.startsWith('<?', pos)) {
      failAt('DOCTYPE, CDATA and processing instructions are not expected');
    } else if (source[pos] === '<') {
      pos++;
      const name = NAME.exec(source.slice(pos))?.[0] ?? failAt('bad tag name');
      pos += name.length;
      const attributes: Record<string, string> = {};
      for (;;) {
        const spaceBefore = /^\s+/.exec(source.slice(pos))?.[0] ?? '';
        pos += spaceBefore.length;
        if (source.startsWith('/>', pos) || source[pos] === '>') break;
        if (!spaceBefore) failAt('attributes must be separated by white space');
        const attr = NAME.exec(source.slice(pos))?.[0] ?? failAt('bad attribute name');
        pos += attr.length;
        if (source[pos] !== '=') failAt(`attribute ${attr} has no "="`);
        pos++;
        const quote = source[pos];
        if (quote !== '"' && quote !== '\'') failAt(`attribute ${attr} value is not quoted`);
        const end = source.indexOf(quote, pos + 1);
        if (end < 0) failAt(`attribute ${attr} value is not terminated`);
        if (attr in attributes) failAt(`duplicate attribute ${attr}`);
        attributes[attr] = decode(source.slice(pos + 1, end), true);
        pos = end + 1;
      }
      const element: XmlElement = { name, attributes, children: [], text: '' };
      if (stack.length > 0) stack[stack.length - 1].children.push(element);
      else if (root) failAt('a second root element');
      else root = element;
      if (source.startsWith('/>', pos)) {
        pos += 2;
      } else {
        pos += 1;
        stack.push(element);
      }
    } else {
      const end = source.indexOf('<', pos);
      const raw = source.slice(pos, end < 0 ? source.length : end);
      const text = decode(raw, false);
      if (stack.length > 0) stack[stack.length - 1].text += text;
      else if (text.trim() !== '') failAt('text outside the root element');
      pos += raw.length;
    }
  }
  if (stack.length > 0) failAt(`unclosed <${stack[stack.length - 1].name}>`);
  return root ?? failAt('no root element');
}

/** Every element of the tree (depth first, document order). */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

/** The text of an element and of all its descendants. */
export function deepText(element: XmlElement): string {
  return element.text + element.children.map(deepText).join('');
}
