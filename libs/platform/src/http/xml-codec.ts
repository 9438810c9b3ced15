import { type X2jOptions, XMLParser, XMLValidator } from 'fast-xml-parser';
import { replaceForbiddenCharacters } from '../errors/forbidden-characters.js';

/** How a JSON document maps onto XML: the plural wrappers JSON flattens away, and which keys are attributes. */
export interface XmlShape {
  /** A JSON list key to the XML element wrapping its items (`address` → `addresses`). */
  readonly wrappers?: Readonly<Record<string, string>>;
  /** An element name to the keys written as its attributes (`address` → `preferred`, `segment_type`). */
  readonly attributes?: Readonly<Record<string, readonly string[]>>;
}

type Json = Record<string, unknown>;
type XmlNode = Record<string, unknown>;

/**
 * Text as XML character data that any parser reads back unchanged: markup escaped, CR as a reference (parsers
 * turn a literal CR into LF), and each character XML 1.0 cannot carry (stored before input was screened for
 * them) replaced by U+FFFD, so that one legacy value cannot make a whole document unreadable.
 */
const escapeXml = (text: string): string =>
  replaceForbiddenCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');

/** An attribute value also keeps its tabs and line breaks, which parsers would otherwise normalise to spaces. */
const escapeAttribute = (text: string): string => escapeXml(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A code-table value `{value, desc}`: written as `<field desc="DESC">VALUE</field>`. */
function isCodeValue(value: Json): boolean {
  const keys = Object.keys(value);
  return (
    keys.includes('value') &&
    keys.every((k) => k === 'value' || k === 'desc') &&
    !isObject(value['value']) &&
    !Array.isArray(value['value'])
  );
}

const textOf = (value: unknown): string => (value === null || value === undefined ? '' : escapeXml(String(value)));

function attributesOf(pairs: readonly (readonly [string, unknown])[]): string {
  return pairs
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join('');
}

function element(
  name: string,
  value: unknown,
  shape: XmlShape,
  extraAttributes: readonly (readonly [string, unknown])[] = [],
): string {
  if (isObject(value) && isCodeValue(value)) {
    const attributes = attributesOf([...extraAttributes, ['desc', value['value'] === null ? null : value['desc']]]);
    const text = textOf(value['value']);
    return text === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${text}</${name}>`;
  }
  if (isObject(value)) {
    const asAttributes = new Set(shape.attributes?.[name] ?? []);
    const attributes = attributesOf([
      ...extraAttributes,
      ...Object.entries(value).filter(([k]) => asAttributes.has(k)),
    ]);
    const children = Object.entries(value)
      .filter(([k]) => !asAttributes.has(k))
      .map(([k, v]) => writeChildren(k, v, shape))
      .join('');
    return children === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${children}</${name}>`;
  }
  const attributes = attributesOf(extraAttributes);
  const text = textOf(value);
  return text === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${text}</${name}>`;
}

function writeChildren(key: string, value: unknown, shape: XmlShape): string {
  if (!Array.isArray(value)) return element(key, value, shape);
  const items = value.map((item) => element(key, item, shape)).join('');
  const wrapper = shape.wrappers?.[key];
  if (!wrapper) return items;
  return items === '' ? `<${wrapper}/>` : `<${wrapper}>${items}</${wrapper}>`;
}

/** Writes a JSON document as XML under `root`, with the plural wrappers and attributes of `shape`. */
export function toXml(
  root: string,
  value: Json,
  shape: XmlShape = {},
  rootAttributes: Readonly<Record<string, string>> = {},
): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${element(root, value, shape, Object.entries(rootAttributes))}`;
}

const predefinedEntities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function characterReference(reference: string): string {
  const codePoint =
    reference[1] === 'x' ? Number.parseInt(reference.slice(2), 16) : Number.parseInt(reference.slice(1), 10);
  if (!(codePoint <= 0x10ffff)) throw new SyntaxError(`the character reference &${reference}; is not a character`);
  return String.fromCodePoint(codePoint);
}

/**
 * XML's own entities and character references (`&#233;`, `&#xE9;`), nothing else. fast-xml-parser's default
 * decoder leaves character references as text (so `Ren&#233;` would be stored as typed) and drops the ones XML
 * 1.0 forbids; here a forbidden character comes through, for the input screen to refuse with its field. An
 * undefined entity is an error, and so is a DOCTYPE: request bodies need no DTD, and entity expansion is a risk.
 */
const entityDecoder: NonNullable<X2jOptions['entityDecoder']> = {
  setExternalEntities: () => undefined,
  addInputEntities: () => {
    throw new SyntaxError('a DOCTYPE declaration is not accepted');
  },
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) =>
    text.includes('&')
      ? text.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
          if (!whole.endsWith(';')) throw new SyntaxError(`"&${name}" is not an entity reference (write & as &amp;)`);
          if (name.startsWith('#')) {
            if (!/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(name))
              throw new SyntaxError(`the character reference &${name}; is malformed`);
            return characterReference(name);
          }
          const value = predefinedEntities[name];
          if (value === undefined) throw new SyntaxError(`the entity &${name}; is not defined`);
          return value;
        })
      : text,
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  entityDecoder,
});

/** Throws a SyntaxError saying where, unless `text` is one well-formed XML document. */
function assertWellFormed(text: string): void {
  const result = XMLValidator.validate(text);
  if (result === true) return;
  const { msg, line, col } = result.err;
  throw new SyntaxError(`${msg.replace(/\.$/, '')} (line ${line}${col !== undefined ? `, column ${col}` : ''})`);
}

const nameOf = (node: XmlNode): string | undefined => Object.keys(node).find((k) => k !== ':@');

function readNode(name: string, node: XmlNode, itemOf: ReadonlyMap<string, string>): unknown {
  const children = (node[name] as XmlNode[] | undefined) ?? [];
  const attributes = (node[':@'] as Record<string, string> | undefined) ?? {};
  const elements = children.filter((child) => nameOf(child) !== '#text');
  const itemName = itemOf.get(name);
  if (itemName !== undefined) {
    return elements.filter((child) => nameOf(child) === itemName).map((child) => readNode(itemName, child, itemOf));
  }
  if (elements.length === 0) {
    const text = children.map((child) => String(child['#text'] ?? '')).join('');
    const { desc, ...others } = attributes;
    if (desc !== undefined && Object.keys(others).length === 0) return { value: text, desc };
    return Object.keys(attributes).length > 0 ? { ...attributes, ...(text !== '' ? { value: text } : {}) } : text;
  }
  const object: Json = { ...attributes };
  for (const child of elements) {
    const childName = nameOf(child) as string;
    const key = itemOf.get(childName) ?? childName;
    const value = readNode(childName, child, itemOf);
    if (itemOf.has(childName)) object[key] = value;
    else if (key in object)
      object[key] = [...(Array.isArray(object[key]) ? (object[key] as unknown[]) : [object[key]]), value];
    else object[key] = value;
  }
  return object;
}

/**
 * Reads an XML document into the JSON shape `toXml` writes: wrappers become lists, attributes keys, text strings.
 * A document that is not well-formed (unclosed or mismatched tags, text after the root, two roots, an undefined
 * entity) is a SyntaxError naming the problem, before anything is read from it.
 */
export function fromXml(text: string, shape: XmlShape = {}): { root: string; value: Json } {
  assertWellFormed(text);
  let nodes: XmlNode[];
  try {
    nodes = parser.parse(text) as XmlNode[];
  } catch (error) {
    throw error instanceof SyntaxError ? error : new SyntaxError((error as Error).message);
  }
  const roots = nodes.filter((node) => {
    const name = nameOf(node);
    return name !== undefined && !name.startsWith('?') && name !== '#text';
  });
  if (roots.length > 1)
    throw new SyntaxError(
      `the XML document has more than one root element (${roots.map((node) => nameOf(node)).join(', ')})`,
    );
  const rootNode = roots[0];
  if (!rootNode) throw new SyntaxError('the XML document has no root element');
  const root = nameOf(rootNode) as string;
  const itemOf = new Map(Object.entries(shape.wrappers ?? {}).map(([item, wrapper]) => [wrapper, item]));
  const value = readNode(root, rootNode, itemOf);
  return { root, value: isObject(value) ? value : {} };
}
