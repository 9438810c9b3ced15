import { TextDecoder } from 'node:util';

/** An XML body whose bytes cannot be read as text: the message says why, for a 400. */
export class XmlEncodingError extends SyntaxError {
  constructor(message: string) {
    super(message);
    this.name = 'XmlEncodingError';
  }
}

/** The `charset` parameter of a Content-Type header, unquoted, or undefined. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("([^"]*)"|[^;\s]*)/i.exec(contentType ?? '');
  if (!match) return undefined;
  const charset = (match[2] ?? match[1] ?? '').trim();
  return charset === '' ? undefined : charset;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);

/** The byte order mark's encoding (XML 1.0 appendix F), or undefined when there is none. */
function encodingOfByteOrderMark(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]) || startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return 'UTF-32';
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'UTF-8';
  if (startsWith(bytes, [0xfe, 0xff])) return 'UTF-16BE';
  if (startsWith(bytes, [0xff, 0xfe])) return 'UTF-16LE';
  // No mark, but `<?` in a 16-bit encoding.
  if (startsWith(bytes, [0x3c, 0x00, 0x3f, 0x00])) return 'UTF-16LE';
  if (startsWith(bytes, [0x00, 0x3c, 0x00, 0x3f])) return 'UTF-16BE';
  return undefined;
}

/** The `encoding` of the XML declaration, read from bytes in an ASCII-compatible encoding. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  if (!head.startsWith('<?xml')) return undefined;
  const declaration = head.slice(0, head.indexOf('?>') >= 0 ? head.indexOf('?>') : head.length);
  return /\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/
    .exec(declaration)
    ?.slice(1)
    .find((v) => v !== undefined);
}

/** windows-1252's characters at 0x80–0x9F (the five undefined bytes stay as they are). */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Node 20's TextDecoder decodes windows-1252 (the WHATWG reading of the labels ISO-8859-1, latin1 and
 * US-ASCII too) as ISO-8859-1, so 0x80–0x9F come out as C1 controls; this puts the right characters there
 * (a no-op where the decoder is already right).
 */
const fixWindows1252 = (text: string): string =>
  text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_HIGH.charAt(c.charCodeAt(0) - 0x80));

function decoderFor(encoding: string, source: string): TextDecoder {
  try {
    return new TextDecoder(encoding.trim(), { fatal: true });
  } catch {
    throw new XmlEncodingError(`the encoding "${encoding}" (${source}) is not supported`);
  }
}

/**
 * The text of an XML body, decoded as the document says: a byte order mark first, then the Content-Type's
 * `charset` (RFC 7303), then the XML declaration's `encoding`, else UTF-8. Bytes that are not valid in that
 * encoding, and an encoding that is unknown, are an {@link XmlEncodingError} naming it.
 */
export function decodeXmlBody(bytes: Uint8Array, contentType?: string): string {
  const fromMark = encodingOfByteOrderMark(bytes);
  if (fromMark === 'UTF-32') throw new XmlEncodingError('the encoding "UTF-32" (byte order mark) is not supported');
  const charset = charsetOf(contentType);
  const declared = fromMark ? undefined : declaredEncoding(bytes);
  const [encoding, source] = fromMark
    ? [fromMark, 'byte order mark']
    : charset
      ? [charset, 'Content-Type charset']
      : declared
        ? [declared, 'XML declaration']
        : ['UTF-8', 'default'];
  const decoder = decoderFor(encoding, source);
  // A declaration read as ASCII cannot be right about UTF-16; a bare "UTF-16" charset needs the mark for its byte order.
  const unsure = source === 'XML declaration' || !/^utf-16[bl]e$/i.test(encoding.trim());
  if (decoder.encoding.startsWith('utf-16') && !fromMark && unsure) {
    throw new XmlEncodingError(`the body is declared "${encoding}" (${source}) but has no UTF-16 byte order mark`);
  }
  try {
    const text = decoder.decode(bytes);
    return decoder.encoding === 'windows-1252' ? fixWindows1252(text) : text;
  } catch {
    throw new XmlEncodingError(`the body is not valid ${encoding} (${source})`);
  }
}
