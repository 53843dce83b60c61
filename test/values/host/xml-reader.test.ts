import { describeElement, parseXml } from '../../../src/values/host/xml-reader';
import { ValidationError } from '../../../src/values/validation-error';

function parse(xml: string) {
  return parseXml(xml, 'doc', 'TEST_XML');
}

function failure(xml: string): ValidationError {
  try {
    parse(xml);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error(`expected ${JSON.stringify(xml)} to fail`);
}

describe('parseXml', () => {
  test('reads elements, attributes, text, comments, processing instructions and CDATA', () => {
    const root = parse(`\ufeff<?xml version="1.0"?>
<!-- header -->
<a x='1' y="two &amp; &lt;3&gt; &#65;&#x42;">
  <b/>
  <c>text &quot;here&quot;<![CDATA[<raw>]]></c>
  <?pi ignored?>
  <!-- inner -->
</a>
<!-- trailer -->`);
    expect(root.name).toBe('a');
    expect(root.attributes.get('x')).toBe('1');
    expect(root.attributes.get('y')).toBe('two & <3> AB');
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.children[1].text).toBe('text "here"<raw>');
    expect(root.children[1].line).toBe(5);
    expect(describeElement(root.children[0])).toBe('<b> (line 4)');
  });

  test('describes an element by its id attribute and line', () => {
    const root = parse("<cells>\n<cell id='3'/>\n</cells>");
    expect(describeElement(root.children[0])).toBe("<cell id='3'> (line 2)");
  });

  test.each([
    ['', 'the input is empty'],
    ['   ', 'the input is empty'],
    ['text', 'a root element'],
    ['<a>', 'a closing </a>'],
    ['<a><b></a>', '</b>'],
    ['<a x=1/>', 'a quoted value for attribute x'],
    ["<a x='1' x='2'/>", 'attribute x once'],
    ["<a x='1'y='2'/>", 'whitespace'],
    ['<a>&nbsp;</a>', 'a character reference'],
    ['<a>&amp</a>', 'entities ending with ";"'],
    ['<a>&#0;</a>', 'a character reference'],
    ['<!DOCTYPE a [<!ENTITY e "x">]><a/>', 'DOCTYPE'],
    ['<a><!ENTITY e "x"></a>', 'DOCTYPE'],
    ['<a/><b/>', 'nothing after the root element'],
    ['<a><!-- unterminated', 'the end of the comment'],
    ["<a x='1", 'the end of the value of attribute x'],
    ['<a x', '"=" after attribute x'],
    ['<1a/>', 'an element name'],
    ["<a x='<'/>", 'no "<" in the value'],
    ['</a>', 'a root element'],
    ['<a></a >x', 'nothing after the root element'],
  ])('fails on %j with a finding naming the line', (xml, expected) => {
    const e = failure(xml);
    expect(e.code).toBe('TEST_XML');
    expect(e.message).toMatch(/\[TEST_XML\] doc line \d+: got /);
    expect(e.message).toContain(expected);
  });

  test('names the line of the problem', () => {
    expect(failure('<a>\n<b>\n</c>\n</a>').message).toContain('doc line 3');
  });

  test('refuses nesting deeper than 64 elements without recursing', () => {
    expect(parse('<a>'.repeat(64) + '</a>'.repeat(64)).name).toBe('a');
    expect(failure('<a>'.repeat(100000)).message).toContain('at most 64 nested elements');
  });
});
