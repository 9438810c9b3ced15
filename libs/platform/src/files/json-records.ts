import { createInterface } from 'node:readline';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import type { parser } from 'stream-json';
import { jsonParser } from 'stream-json/core/parser.js';
import Assembler from 'stream-json/assembler.js';

/** A JSON object read from a file, or why an item could not be read. */
export type JsonRecord =
  | { readonly value: Record<string, unknown>; readonly error?: undefined }
  | { readonly value?: undefined; readonly error: string };

/** What the list holds: `listKey` names the list in a top object; `noun` names one item in errors. */
export interface JsonListOptions {
  readonly listKey: string;
  readonly noun: string;
  readonly signal?: AbortSignal;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value);

/**
 * Reads the tokens of a list — `[item, …]` or `{ "total_record_count": n, "<listKey>": [item, …] }` — assembling
 * one item at a time. An object without the list is taken as a single item (or, as the list under its key).
 */
class ListReader {
  private mode: 'list' | 'object' | undefined;
  private depth = 0;
  private inList = false;
  private sawList = false;
  /** The list's key in the top object, its value not seen yet. */
  private listKey = false;
  private item: Assembler | null = null;
  private count = 0;
  /** The top object without its list. */
  private readonly outer = new Assembler();

  constructor(
    private readonly fileName: string,
    private readonly options: JsonListOptions,
  ) {}

  /** Takes one token; returns the record it completes, if any. */
  consume(token: parser.Token): JsonRecord | undefined {
    if (this.item) return this.assemble(token);
    if (this.inList) {
      if (token.name === 'endArray') {
        this.inList = false;
        this.depth--;
        return undefined;
      }
      this.item = new Assembler();
      return this.assemble(token);
    }
    if (this.mode === undefined) return this.start(token);
    if (this.mode === 'object') this.readOuter(token);
    return undefined;
  }

  /** The single item of an object without the list, once all was read. */
  end(): JsonRecord | undefined {
    if (this.mode !== 'object' || this.sawList) return undefined;
    const outer = this.outer.current as Record<string, unknown>;
    const inner = outer[this.options.listKey];
    if (isObject(inner)) return { value: inner };
    return 'total_record_count' in outer ? undefined : { value: outer };
  }

  private start(token: parser.Token): undefined {
    if (token.name === 'startArray') {
      this.mode = 'list';
      this.inList = true;
    } else if (token.name === 'startObject') {
      this.mode = 'object';
      this.outer.consume(token);
    } else {
      const { noun, listKey } = this.options;
      throw new Error(`${this.fileName} holds neither a list of ${noun}s nor an object with a "${listKey}" list`);
    }
    this.depth = 1;
    return undefined;
  }

  private readOuter(token: parser.Token): void {
    if (this.listKey) {
      this.listKey = false;
      if (token.name === 'startArray') {
        this.inList = this.sawList = true;
        this.depth++;
        return;
      }
      this.outer.consume({ name: 'keyValue', value: this.options.listKey });
    } else if (this.depth === 1 && token.name === 'keyValue' && token.value === this.options.listKey) {
      this.listKey = true;
      return;
    }
    if (token.name === 'startObject' || token.name === 'startArray') this.depth++;
    if (token.name === 'endObject' || token.name === 'endArray') this.depth--;
    this.outer.consume(token);
  }

  private assemble(token: parser.Token): JsonRecord | undefined {
    const item = this.item as Assembler;
    item.consume(token);
    if (!item.done) return undefined;
    this.item = null;
    this.count++;
    const value = item.current;
    return isObject(value)
      ? { value }
      : { error: `${this.options.noun} ${this.count} is ${kindOf(value)}, not a JSON object` };
  }
}

/** stream-chain's `none`, which a parser stage takes as the end of its input (a registered symbol). */
const endOfInput = Symbol.for('object-stream.none') as unknown as string;

/** The tokens a parser call returns: stream-chain's `many(tokens)`, or `none`. */
const tokensIn = (output: unknown): readonly parser.Token[] =>
  typeof output === 'object' && output !== null ? (output as { values: parser.Token[] }).values : [];

function* readTokens(reader: ListReader, tokens: readonly parser.Token[]): Generator<JsonRecord> {
  for (const token of tokens) {
    const record = reader.consume(token);
    if (record) yield record;
  }
}

/**
 * The items of a JSON list (or a single object), one at a time, as the file is read. The parser is stream-json's
 * synchronous core, fed text chunk by chunk: a token stream would cost a promise per token.
 */
export async function* jsonListRecords(
  stream: Readable,
  fileName: string,
  options: JsonListOptions,
): AsyncGenerator<JsonRecord> {
  const reader = new ListReader(fileName, options);
  const parse = jsonParser({ streamValues: false });
  const decoder = new StringDecoder('utf8');
  const tokensOf = (text: string): readonly parser.Token[] => {
    try {
      return tokensIn(parse(text));
    } catch (error) {
      throw new Error(`${fileName} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
  };
  let first = true;
  for await (const chunk of stream) {
    options.signal?.throwIfAborted();
    const text = decoder.write(chunk as Buffer);
    yield* readTokens(reader, tokensOf(first ? text.replace(/^\ufeff/, '') : text));
    first = false;
  }
  yield* readTokens(reader, [...tokensOf(decoder.end()), ...tokensOf(endOfInput)]);
  const last = reader.end();
  if (last) yield last;
}

/** The items of a JSON Lines file: one object per line; a line that is not one is an error record. */
export async function* jsonLineRecords(stream: Readable, signal?: AbortSignal): AsyncGenerator<JsonRecord> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    signal?.throwIfAborted();
    number++;
    const text = (number === 1 ? line.replace(/^\ufeff/, '') : line).trim();
    if (text === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { error: `line ${number} is not valid JSON: ${(error as Error).message}` };
      continue;
    }
    yield isObject(value) ? { value } : { error: `line ${number} is ${kindOf(value)}, not a JSON object` };
  }
}

/** Whether a file is JSON Lines by its name. */
export const isJsonLines = (name: string): boolean => /\.(jsonl|ndjson)$/i.test(name);
