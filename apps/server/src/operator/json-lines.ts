import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';

/**
 * Messages as JSON, one per line, both ways on `socket`: calls `onMessage` for each one that arrives and
 * returns the function that sends. A line that is not JSON ends the connection.
 */
export function jsonLines<In, Out>(socket: Socket, onMessage: (message: In) => void): (message: Out) => void {
  createInterface({ input: socket, crlfDelay: Infinity }).on('line', (line) => {
    let message: In;
    try {
      message = JSON.parse(line) as In;
    } catch {
      socket.destroy();
      return;
    }
    onMessage(message);
  });
  return (message) => socket.write(`${JSON.stringify(message)}\n`);
}
