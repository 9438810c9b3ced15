import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { operatorFile } from '../operator/operator-socket.js';
import { CliError } from './open-kernel.js';

/** A file the operator named for loading, read from their folder; refused by name when it cannot be read. */
export async function openOperatorFile(file: string): Promise<{ fileName: string; content: ReadStream }> {
  const path = operatorFile(file);
  await stat(path).catch(() => {
    throw new CliError(`cannot read the file ${file}`);
  });
  return { fileName: basename(path), content: createReadStream(path) };
}
