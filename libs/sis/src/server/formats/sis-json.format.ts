import { createInterface } from 'node:readline';
import { StringDecoder } from 'node:string_decoder';
import type { parser } from 'stream-json';
import { jsonParser } from 'stream-json/core/parser.js';
import Assembler from 'stream-json/assembler.js';
import type { AlmaUserJson, SisFormat, SisSourceRecord } from '../../contracts/sis-extension-points.js';
import { type SourceEntry, sourceEntries } from './source-entries.js';

const isObject = (value: unknown): value is AlmaUserJson =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value);

/**
 * Reads the tokens of a user list — `[user, …]` or `{ "total_record_count": n, "user": [user, …] }` — assembling
 * one user at a time. An object without a `user` list is taken as a single user.
 */
class UserListReader {
  private mode: 'list' | 'object' | undefined;
  private depth = 0;
  private inList = false;
  private sawList = false;
  /** A `user` key of the top object whose value is not seen yet. */
  private userKey = false;
  private item: Assembler | null = null;
  private count = 0;
  /** The top object without its `user` list. */
  private readonly outer = new Assembler();

  constructor(private readonly fileName: string) {}

  /** Takes one token; returns the record it completes, if any. */
  consume(token: parser.Token): SisSourceRecord | undefined {
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

  /** The single user of an object without a `user` list, once all was read. */
  end(): SisSourceRecord | undefined {
    if (this.mode !== 'object' || this.sawList) return undefined;
    const outer = this.outer.current as AlmaUserJson;
    if (isObject(outer['user'])) return { user: outer['user'] };
    return 'total_record_count' in outer ? undefined : { user: outer };
  }

  private start(token: parser.Token): undefined {
    if (token.name === 'startArray') {
      this.mode = 'list';
      this.inList = true;
    } else if (token.name === 'startObject') {
      this.mode = 'object';
      this.outer.consume(token);
    } else {
      throw new Error(`${this.fileName} holds neither a list of users nor an object with a "user" list`);
    }
    this.depth = 1;
    return undefined;
  }

  private readOuter(token: parser.Token): void {
    if (this.userKey) {
      this.userKey = false;
      if (token.name === 'startArray') {
        this.inList = this.sawList = true;
        this.depth++;
        return;
      }
      this.outer.consume({ name: 'keyValue', value: 'user' });
    } else if (this.depth === 1 && token.name === 'keyValue' && token.value === 'user') {
      this.userKey = true;
      return;
    }
    if (token.name === 'startObject' || token.name === 'startArray') this.depth++;
    if (token.name === 'endObject' || token.name === 'endArray') this.depth--;
    this.outer.consume(token);
  }

  private assemble(token: parser.Token): SisSourceRecord | undefined {
    const item = this.item as Assembler;
    item.consume(token);
    if (!item.done) return undefined;
    this.item = null;
    this.count++;
    const value = item.current;
    return isObject(value) ? { user: value } : { error: `user ${this.count} is ${kindOf(value)}, not a JSON object` };
  }
}

/** stream-chain's `none`, which a parser stage takes as the end of its input (a registered symbol). */
const endOfInput = Symbol.for('object-stream.none') as unknown as string;

/** The tokens a parser call returns: stream-chain's `many(tokens)`, or `none`. */
const tokensIn = (output: unknown): readonly parser.Token[] =>
  typeof output === 'object' && output !== null ? (output as { values: parser.Token[] }).values : [];

/**
 * The records of a JSON file (a user list, or a single user), one at a time, as the file is read. The parser is
 * stream-json's synchronous core, fed text chunk by chunk: a token stream would cost a promise per token.
 */
async function* listRecords(entry: SourceEntry, signal: AbortSignal | undefined): AsyncGenerator<SisSourceRecord> {
  const reader = new UserListReader(entry.name);
  const parse = jsonParser({ streamValues: false });
  const decoder = new StringDecoder('utf8');
  const tokensOf = (text: string): readonly parser.Token[] => {
    try {
      return tokensIn(parse(text));
    } catch (error) {
      throw new Error(`${entry.name} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
  };
  let first = true;
  for await (const chunk of entry.stream) {
    signal?.throwIfAborted();
    const text = decoder.write(chunk as Buffer);
    yield* readTokens(reader, tokensOf(first ? text.replace(/^\ufeff/, '') : text));
    first = false;
  }
  yield* readTokens(reader, [...tokensOf(decoder.end()), ...tokensOf(endOfInput)]);
  const last = reader.end();
  if (last) yield last;
}

function* readTokens(reader: UserListReader, tokens: readonly parser.Token[]): Generator<SisSourceRecord> {
  for (const token of tokens) {
    const record = reader.consume(token);
    if (record) yield record;
  }
}

/** The records of a JSON Lines file: one user per line; a line that is not a user is an error record. */
async function* lineRecords(entry: SourceEntry, signal: AbortSignal | undefined): AsyncGenerator<SisSourceRecord> {
  const lines = createInterface({ input: entry.stream, crlfDelay: Infinity });
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
    yield isObject(value) ? { user: value } : { error: `line ${number} is ${kindOf(value)}, not a JSON object` };
  }
}

const isJsonLines = (name: string): boolean => /\.(jsonl|ndjson)$/i.test(name);

const extensions = ['.json', '.jsonl', '.ndjson', '.zip'];

/** Users in Alma's user JSON: a user list, a list of users, or JSON Lines; a file or a zip of files. */
export const sisJsonFormat: SisFormat = {
  id: 'sis.json',
  name: 'Alma user JSON',
  fileExtensions: extensions,
  async *read(input): AsyncGenerator<SisSourceRecord> {
    for await (const entry of sourceEntries(input.path, extensions, input.signal, input.fileName)) {
      const records = isJsonLines(entry.name) ? lineRecords(entry, input.signal) : listRecords(entry, input.signal);
      for await (const record of records) {
        input.signal?.throwIfAborted();
        yield record;
      }
    }
  },
};
