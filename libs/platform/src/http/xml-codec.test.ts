import { describe, expect, it } from 'vitest';
import { fromXml, toXml, type XmlShape } from './xml-codec.js';

const shape: XmlShape = { wrappers: { address: 'addresses', address_type: 'address_types' }, attributes: { address: ['preferred'], doc: ['count'] } };

describe('the XML codec', () => {
  it('writes plural wrappers, attributes and code fields as desc attributes, escaping text', () => {
    const xml = toXml('doc', { count: 2, group: { value: 'UG', desc: 'A & B' }, empty: null, address: [{ preferred: true, city: '<Oslo>', address_type: [{ value: 'home', desc: 'Home' }] }] }, shape);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><doc count="2"><group desc="A &amp; B">UG</group><empty/><addresses><address preferred="true"><city>&lt;Oslo&gt;</city><address_types><address_type desc="Home">home</address_type></address_types></address></addresses></doc>',
    );
  });

  it('reads what it writes: wrappers as lists (one item or none too), attributes as keys, text as strings', () => {
    const { root, value } = fromXml(toXml('doc', { group: { value: 'UG', desc: 'x' }, address: [{ preferred: false, city: 'Oslo', address_type: [{ value: 'home', desc: 'Home' }] }] }, shape), shape);
    expect(root).toBe('doc');
    expect(value).toEqual({ group: { value: 'UG', desc: 'x' }, address: [{ preferred: 'false', city: 'Oslo', address_type: [{ value: 'home', desc: 'Home' }] }] });
    expect(fromXml('<doc><addresses/><name/></doc>', shape).value).toEqual({ address: [], name: '' });
  });

  it('refuses a document without a root element', () => {
    expect(() => fromXml('just text', shape)).toThrow(SyntaxError);
  });
});
