import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { jsonLines } from './json-lines.js';
import type { OperatorReply, OperatorRequest } from './operator-socket.js';

/**
 * Sends the CLI's arguments to the running server over its operator socket and relays what comes back;
 * resolves with the exit code, or null when no server answers there (then the CLI opens the database itself).
 */
export function runThroughServer(
  path: string,
  argv: string[],
  io: {
    print: (line: string) => void;
    printError: (line: string) => void;
    readPassword: () => Promise<string>;
  },
): Promise<number | null> {
  if (!existsSync(path)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const socket = connect(path);
    let answered = false;
    // A socket left behind by a server that stopped: no one listens, so the CLI works on its own.
    socket.on('error', () => resolve(answered ? 1 : null));
    socket.on('connect', () => send({ argv, cwd: process.cwd() }));
    const send = jsonLines<OperatorReply, OperatorRequest>(socket, (reply) => {
      answered = true;
      if ('line' in reply) io.print(reply.line);
      else if ('askPassword' in reply) {
        io.readPassword().then(
          (password) => send({ password }),
          (error: unknown) => {
            io.printError(`error: ${error instanceof Error ? error.message : String(error)}`);
            socket.destroy();
            resolve(1);
          },
        );
      } else {
        if (reply.error) io.printError(`error: ${reply.error}`);
        resolve(reply.exitCode);
      }
    });
  });
}
