import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { fromXml, toXml, type XmlShape } from './xml-codec.js';

const shape: XmlShape = {
  wrappers: { address: 'addresses', address_type: 'address_types' },
  attributes: { address: ['preferred'], doc: ['count'] },
};

describe('the XML codec', () => {
  it('writes plural wrappers, attributes and code fields as desc attributes, escaping text', () => {
    const xml = toXml(
      'doc',
      {
        count: 2,
        group: { value: 'UG', desc: 'A & B' },
        empty: null,
        address: [
          {
            preferred: true,
            city: '<Oslo>',
            address_type: [{ value: 'home', desc: 'Home' }],
          },
        ],
      },
      shape,
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><doc count="2"><group desc="A &amp; B">UG</group><empty/><addresses><address preferred="true"><city>&lt;Oslo&gt;</city><address_types><address_type desc="Home">home</address_type></address_types></address></addresses></doc>',
    );
  });

  it('reads what it writes: wrappers as lists (one item or none too), attributes as keys, text as strings', () => {
    const { root, value } = fromXml(
      toXml(
        'doc',
        {
          group: { value: 'UG', desc: 'x' },
          address: [
            {
              preferred: false,
              city: 'Oslo',
              address_type: [{ value: 'home', desc: 'Home' }],
            },
          ],
        },
        shape,
      ),
      shape,
    );
    expect(root).toBe('doc');
    expect(value).toEqual({
      group: { value: 'UG', desc: 'x' },
      address: [
        {
          preferred: 'false',
          city: 'Oslo',
          address_type: [{ value: 'home', desc: 'Home' }],
        },
      ],
    });
    expect(fromXml('<doc><addresses/><name/></doc>', shape).value).toEqual({
      address: [],
      name: '',
    });
  });

  it('refuses a document without a root element', () => {
    expect(() => fromXml('just text', shape)).toThrow(SyntaxError);
    expect(() => fromXml('', shape)).toThrow(SyntaxError);
  });

  it.each([
    ['an unclosed root', '<doc><name>x</name>', "Unclosed tag 'doc' (line 1, column 1)"],
    ['mismatched tags', '<doc><name>x</nom></doc>', "Expected closing tag 'name'"],
    ['text after the root', '<doc><name>x</name></doc>trailing', 'Extra text at the end'],
    ['two roots', '<doc/><doc/>', 'more than one root element (doc, doc)'],
    ['two roots with text between', '<doc/>text<other/>', 'more than one root element (doc, other)'],
    ['a bare ampersand', '<doc>A & B</doc>', "char '&' is not expected"],
    ['an undefined entity', '<doc>&nbsp;</doc>', 'the entity &nbsp; is not defined'],
    [
      'a character reference beyond Unicode',
      '<doc>&#x110000;</doc>',
      'the character reference &#x110000; is not a character',
    ],
    [
      'a DOCTYPE',
      '<?xml version="1.0"?><!DOCTYPE doc [<!ENTITY e "x">]><doc>&e;</doc>',
      'a DOCTYPE declaration is not accepted',
    ],
    ['a declaration that is not first', ' <?xml version="1.0"?><doc/>', 'XML declaration allowed only at the start'],
  ])('refuses %s, naming the problem', (_case, text, message) => {
    expect(() => fromXml(text, shape)).toThrow(SyntaxError);
    expect(() => fromXml(text, shape)).toThrow(message);
  });

  it('decodes character references and XML entities in text and attributes, and leaves CDATA as written', () => {
    const { value } = fromXml(
      '<doc><name a="&#233;&amp;&#xE9;">Ren&#233; &lt;&#x1F600;&gt; &quot;&apos;</name><raw><![CDATA[&#233; & <b>]]></raw></doc>',
    );
    expect(value).toEqual({
      name: { a: 'é&é', value: 'René <\u{1F600}> "\'' },
      raw: '&#233; & <b>',
    });
  });

  it('reads a forbidden character reference as the character, so the input screen names its field', () => {
    expect(fromXml('<doc><name>a&#1;b</name><n2>&#xFFFE;</n2></doc>').value).toEqual({
      name: 'a\u0001b',
      n2: '\uFFFE',
    });
  });

  it('never writes a character XML 1.0 forbids: each becomes U+FFFD, and the document stays well-formed', () => {
    const stored = {
      last_name: 'Love\u0001lace\u0000',
      note: 'x\uFFFE\uFFFF\uD800y',
      city: { value: 'O\u0008slo', desc: 'b\u001Fad' },
      kept: '\u{1F600}\t',
    };
    const xml = toXml('user', stored, { attributes: { user: ['kept'] } }, { total: '\u0002' });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(fromXml(xml).value).toEqual({
      total: '\uFFFD',
      kept: '\u{1F600}\t',
      last_name: 'Love\uFFFDlace\uFFFD',
      note: 'x\uFFFD\uFFFD\uFFFDy',
      city: { value: 'O\uFFFDslo', desc: 'b\uFFFDad' },
    });
  });

  it('keeps CR in text and tabs and line breaks in attributes through a round trip', () => {
    const xml = toXml('doc', { text: 'a\r\nb', attr: 'c\td\ne\rf' }, { attributes: { doc: ['attr'] } });
    expect(xml).toContain('attr="c&#9;d&#10;e&#13;f"');
    expect(xml).toContain('<text>a&#13;\nb</text>');
    expect(fromXml(xml).value).toEqual({ attr: 'c\td\ne\rf', text: 'a\r\nb' });
  });
});
