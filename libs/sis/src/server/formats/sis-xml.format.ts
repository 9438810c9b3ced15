import { StringDecoder } from 'node:string_decoder';
import { almaXmlShape } from '@ulms/users/contracts';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { AlmaUserJson, SisFormat, SisSourceRecord } from '../../contracts/sis-extension-points.js';
import { type SourceEntry, sourceEntries } from './source-entries.js';

type Json = Record<string, unknown>;

/** A wrapper element to the name of its items (`user_identifiers` → `user_identifier`). */
const itemOf: ReadonlyMap<string, string> = new Map(
  Object.entries(almaXmlShape.wrappers).map(([item, wrapper]) => [wrapper, item]),
);

/**
 * The characters JavaScript's `trim` removes. The kernel's reader trims text before it decodes references, so a
 * space written as `&#32;` (or a CR written as `&#13;`, as `toXml` does) at the edge of a value is kept: here such
 * a reference is decoded into a stand-in noncharacter (U+FDD0 + its index) until the text is trimmed.
 */
const trimmable =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const standInBase = 0xfdd0;
const standIn = /[\uFDD0-\uFDEF]/;
const standIns = /[\uFDD0-\uFDEF]/g;

/** Text as the kernel's reader keeps it: trimmed, then with referenced spaces restored. */
function trimmed(text: string): string {
  const trimmedText = text.trim();
  if (!standIn.test(trimmedText)) return trimmedText;
  return trimmedText.replace(standIns, (c) => trimmable[c.charCodeAt(0) - standInBase] ?? c);
}

/**
 * An element being read: its attributes, the names and values of its child elements, its text pieces (the
 * lists created on first use: most elements are leaves without attributes).
 */
interface Frame {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>> | undefined;
  childNames: string[] | undefined;
  childValues: unknown[] | undefined;
  text: string;
  /** Text since the last piece boundary (a tag, CDATA, processing instruction); comments do not break it. */
  pending: string;
}

/** A leaf element's value: its text, `{ value, desc }` for a code, or its attributes with its text as `value`. */
function leafValue(attributes: Readonly<Record<string, string>> | undefined, text: string): unknown {
  if (!attributes) return text;
  const { desc } = attributes;
  if (desc !== undefined && Object.keys(attributes).length === 1) return { value: text, desc };
  return text !== '' ? { ...attributes, value: text } : { ...attributes };
}

/** A wrapper's value: the values of its children that are its items. */
function itemsOf(names: readonly string[], values: readonly unknown[], itemName: string): unknown[] {
  const items: unknown[] = [];
  names.forEach((name, i) => {
    if (name === itemName) items.push(values[i]);
  });
  return items;
}

/** An element's JSON value, by the rules of the kernel's `fromXml` (wrappers as lists, repeats as lists). */
function valueOf({ name, attributes, childNames: names = [], childValues: values = [], text }: Frame): unknown {
  const itemName = itemOf.get(name);
  if (itemName !== undefined) return itemsOf(names, values, itemName);
  if (names.length === 0) return leafValue(attributes, text);
  const object: Json = { ...attributes };
  names.forEach((childName, i) => {
    const value = values[i];
    const item = itemOf.get(childName);
    const previous = object[childName];
    if (item !== undefined) object[item] = value;
    else if (!Object.hasOwn(object, childName)) object[childName] = value;
    else object[childName] = [...(Array.isArray(previous) ? (previous as unknown[]) : [previous]), value];
  });
  return object;
}

/** The attributes of a tag, trimmed as the kernel's reader does; undefined when it has none. */
function attributesOf(tag: SaxesTagPlain): Record<string, string> | undefined {
  let attributes: Record<string, string> | undefined;
  for (const name in tag.attributes) (attributes ??= {})[name] = trimmed(tag.attributes[name] ?? '');
  return attributes;
}

/** Reads `<users><user>…</user>…</users>` (or one `<user>`) pushed in as text, collecting each user as it closes. */
class UserXmlReader {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  private readonly stack: Frame[] = [];
  private ready: SisSourceRecord[] = [];
  private count = 0;
  private sawRoot = false;
  /** Depth inside an element of `<users>` that is not a `<user>`, whose content is skipped. */
  private skipped = 0;

  constructor(private readonly fileName: string) {
    const parser = this.parser;
    const decode = SaxesParser.prototype['parseEntity' as keyof SaxesParser] as (entity: string) => string;
    // saxes decodes references as it reads; this keeps referenced spaces apart from literal ones (see `trimmable`).
    Object.assign(parser, {
      parseEntity: (entity: string): string => {
        const text = decode.call(parser, entity);
        const index = text.length === 1 ? trimmable.indexOf(text) : -1;
        return index >= 0 ? String.fromCharCode(standInBase + index) : text;
      },
    });
    parser.on('doctype', () => parser.fail('a DOCTYPE declaration is not accepted'));
    parser.on('opentag', (tag) => this.open(tag));
    parser.on('closetag', () => this.close());
    parser.on('text', (text) => this.text(text));
    parser.on('cdata', (cdata) => this.cdata(cdata));
    parser.on('processinginstruction', () => this.flush());
  }

  /** Reads more of the document; throws naming line and column where it is not well-formed. */
  write(text: string | null): void {
    try {
      if (text === null) this.parser.close();
      else this.parser.write(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const where = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
      const problem = where ? `${where[3]} (line ${where[1]}, column ${where[2]})` : message;
      throw new Error(`${this.fileName} is not well-formed XML: ${problem}`, { cause: error });
    }
  }

  /** The records read since the last call. */
  take(): SisSourceRecord[] {
    const records = this.ready;
    this.ready = [];
    return records;
  }

  private open(tag: SaxesTagPlain): void {
    this.flush();
    if (this.skipped > 0) {
      this.skipped++;
    } else if (!this.sawRoot) {
      this.sawRoot = true;
      if (tag.name === 'user') this.push(tag);
      else if (tag.name !== 'users')
        this.parser.fail(`the root element is <${tag.name}>; a SIS XML file has <users> or <user>`);
    } else if (this.stack.length > 0 || tag.name === 'user') {
      this.push(tag);
    } else {
      this.skipped = 1;
    }
  }

  private push(tag: SaxesTagPlain): void {
    const frame: Frame = {
      name: tag.name,
      attributes: attributesOf(tag),
      childNames: undefined,
      childValues: undefined,
      text: '',
      pending: '',
    };
    this.stack.push(frame);
  }

  private close(): void {
    if (this.skipped > 0) {
      this.skipped--;
      return;
    }
    this.flush();
    const frame = this.stack.pop();
    if (!frame) return;
    const value = valueOf(frame);
    const parent = this.stack.at(-1);
    if (!parent) {
      this.ready.push(this.recordOf(value));
      return;
    }
    (parent.childNames ??= []).push(frame.name);
    (parent.childValues ??= []).push(value);
  }

  /** A `<user>` read: its document, or an error when it has neither child elements nor attributes. */
  private recordOf(value: unknown): SisSourceRecord {
    this.count++;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { user: value as AlmaUserJson };
    return { error: `<user> ${this.count} of ${this.fileName} has no fields` };
  }

  private text(text: string): void {
    const frame = this.stack.at(-1);
    if (frame && this.skipped === 0) frame.pending += text;
  }

  private cdata(cdata: string): void {
    this.flush();
    const frame = this.stack.at(-1);
    if (frame && this.skipped === 0) frame.text += cdata;
  }

  /** Ends the current text piece: trimmed, and kept when something is left. */
  private flush(): void {
    const frame = this.stack.at(-1);
    if (!frame || frame.pending === '') return;
    frame.text += trimmed(frame.pending);
    frame.pending = '';
  }
}

/** The records of one XML file, one a `<user>`, as the file is read. */
async function* recordsOf(entry: SourceEntry, signal: AbortSignal | undefined): AsyncGenerator<SisSourceRecord> {
  const reader = new UserXmlReader(entry.name);
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of entry.stream) {
      signal?.throwIfAborted();
      reader.write(decoder.write(chunk as Buffer));
      yield* reader.take();
    }
    reader.write(decoder.end());
    reader.write(null);
  } catch (error) {
    // The records read before a syntax error are still given.
    yield* reader.take();
    throw error;
  }
}

const extensions = ['.xml', '.zip'];

/** Users in the reference's SIS XML (rest_user.xsd `<users>`), a file or a zip of files, read as a stream. */
export const sisXmlFormat: SisFormat = {
  id: 'sis.xml',
  name: 'SIS XML (Alma users, plain or zipped)',
  fileExtensions: extensions,
  async *read(input): AsyncGenerator<SisSourceRecord> {
    for await (const entry of sourceEntries(input.path, extensions, input.signal, input.fileName)) {
      for await (const record of recordsOf(entry, input.signal)) {
        input.signal?.throwIfAborted();
        yield record;
      }
    }
  },
};
