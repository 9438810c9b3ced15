import { AsyncLocalStorage } from 'node:async_hooks';
import { chmod, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname, join, resolve as resolvePath } from 'node:path';
import type { Database, DatabaseLocation, Kernel } from '@ulms/platform';
import { CommanderError } from 'commander';
import { jsonLines } from './json-lines.js';

// The embedded database can be opened by one process at a time. While the server holds it, the operator
// CLI reaches it through the server instead: a Unix socket beside the database folder, readable by the
// user running the server only, over which the CLI sends its arguments and the server runs the very same
// commands on its own kernel. Messages are JSON, one per line.

/** A message from the CLI: its arguments and working directory, or the password the server asked for. */
export type OperatorRequest = { argv: string[]; cwd?: string } | { password: string };
/** A message from the server: a line of output, a password to ask for, or the end with its exit code. */
export type OperatorReply = { line: string } | { askPassword: true } | { exitCode: number; error?: string };

/** Where the socket of an embedded database is; none for a database server (the CLI reaches it directly). */
export function operatorSocketPath(location: DatabaseLocation): string | null {
  return location.kind === 'pglite' && location.dataDir ? join(dirname(location.dataDir), 'operator.sock') : null;
}

const inProcess = new AsyncLocalStorage<{
  kernel: Kernel;
  database: Database;
  cwd: string;
}>();

/** The running server's kernel, while it carries out a command that came over the socket. */
export const serverKernel = () => inProcess.getStore();

/** A file the operator named: relative to the CLI's working directory, wherever the command runs. */
export const operatorFile = (file: string) => resolvePath(inProcess.getStore()?.cwd ?? process.cwd(), file);

/** Runs the CLI `program` with `argv` for one connection, asking the CLI for a password when a command needs one. */
type RunCli = (
  argv: string[],
  io: { print: (line: string) => void; readPassword: () => Promise<string> },
) => Promise<void>;

function serve(socket: Socket, context: { kernel: Kernel; database: Database }, runCli: RunCli) {
  let waitingForPassword: ((password: string) => void) | null = null;
  let started = false;
  socket.on('error', () => socket.destroy());
  const send = jsonLines<OperatorRequest, OperatorReply>(socket, (message) => {
    if ('password' in message) {
      waitingForPassword?.(message.password);
      waitingForPassword = null;
    } else if (!started) {
      started = true;
      const io = {
        print: (line: string) => send({ line }),
        readPassword: () =>
          new Promise<string>((resolve) => {
            waitingForPassword = resolve;
            send({ askPassword: true });
          }),
      };
      inProcess
        .run({ ...context, cwd: message.cwd ?? process.cwd() }, () => runCli(message.argv, io))
        .then(
          () => send({ exitCode: 0 }),
          (error: unknown) =>
            send(
              error instanceof CommanderError
                ? { exitCode: error.exitCode }
                : {
                    exitCode: 1,
                    error: error instanceof Error ? error.message : String(error),
                  },
            ),
        )
        .finally(() => socket.end());
    }
  });
}

/** Listens on `path` for operator commands, run on the server's own kernel; the socket is for its owner only. */
export async function startOperatorSocket(
  path: string,
  context: { kernel: Kernel; database: Database },
  runCli: RunCli,
): Promise<{ close(): Promise<void> }> {
  await rm(path, { force: true });
  const server: Server = createServer((socket) => serve(socket, context, runCli));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  await chmod(path, 0o600);
  server.unref();
  return {
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(path, { force: true });
    },
  };
}
