import { describe, expect, it } from 'vitest';
import { charsetOf, decodeXmlBody, XmlEncodingError } from './xml-encoding.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('decoding an XML body', () => {
  it('reads the charset of a Content-Type', () => {
    expect(charsetOf('application/xml; charset=ISO-8859-1')).toBe('ISO-8859-1');
    expect(charsetOf('text/xml;charset="utf-16le"')).toBe('utf-16le');
    expect(charsetOf('application/xml')).toBeUndefined();
    expect(charsetOf(undefined)).toBeUndefined();
  });

  it('is UTF-8 by default, with or without its byte order mark', () => {
    expect(decodeXmlBody(Buffer.from('<u>Ærø</u>'))).toBe('<u>Ærø</u>');
    expect(decodeXmlBody(Buffer.from('\uFEFF<u>Ærø</u>'))).toBe('<u>Ærø</u>');
  });

  it('honours the declared encoding: ISO-8859-1 and windows-1252', () => {
    const declared = '<?xml version="1.0" encoding="ISO-8859-1"?><u>Ærøskøbing</u>';
    expect(decodeXmlBody(latin1(declared))).toBe(declared);
    const cp1252 = Buffer.concat([
      Buffer.from("<?xml version='1.0' encoding='windows-1252'?><u>"),
      Buffer.from([0x80, 0x93, 0xe9, 0x94]),
      Buffer.from('</u>'),
    ]);
    expect(decodeXmlBody(cp1252)).toBe("<?xml version='1.0' encoding='windows-1252'?><u>€“é”</u>");
  });

  it('honours UTF-16 with its byte order mark, either way round, whatever the declaration says', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><u>Ærø 日本</u>';
    expect(decodeXmlBody(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
    expect(decodeXmlBody(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]))).toBe(text);
    expect(decodeXmlBody(Buffer.from(text, 'utf16le'))).toBe(text);
  });

  it('takes the Content-Type charset over the declaration, and the byte order mark over both', () => {
    expect(
      decodeXmlBody(latin1('<?xml version="1.0" encoding="UTF-8"?><u>é</u>'), 'application/xml; charset=iso-8859-1'),
    ).toContain('<u>é</u>');
    expect(decodeXmlBody(Buffer.from('\uFEFF<u>é</u>'), 'application/xml; charset=iso-8859-1')).toBe('<u>é</u>');
    expect(decodeXmlBody(Buffer.from('<u>é</u>', 'utf16le'), 'text/xml; charset=UTF-16LE')).toBe('<u>é</u>');
  });

  it('refuses an unknown encoding, bytes invalid in theirs, and UTF-16 without a mark, naming them', () => {
    expect(() => decodeXmlBody(Buffer.from('<?xml version="1.0" encoding="EBCDIC-XYZ"?><u/>'))).toThrow(
      new XmlEncodingError('the encoding "EBCDIC-XYZ" (XML declaration) is not supported'),
    );
    expect(() => decodeXmlBody(Buffer.from('<u/>'), 'application/xml; charset=klingon')).toThrow(
      'the encoding "klingon" (Content-Type charset) is not supported',
    );
    expect(() => decodeXmlBody(latin1('<u>Ærø</u>'))).toThrow('the body is not valid UTF-8 (default)');
    expect(() => decodeXmlBody(latin1('<?xml version="1.0" encoding="utf-8"?><u>Ærø</u>'))).toThrow(
      'the body is not valid utf-8 (XML declaration)',
    );
    expect(() => decodeXmlBody(Buffer.from('<?xml version="1.0" encoding="UTF-16"?><u/>'))).toThrow(
      'has no UTF-16 byte order mark',
    );
    expect(() => decodeXmlBody(Buffer.from([0xff, 0xfe, 0, 0, 0x3c, 0, 0, 0]))).toThrow('"UTF-32"');
  });
});
