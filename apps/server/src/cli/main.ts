import { CommanderError } from 'commander';
import { serverConfigFromEnv } from '../config.js';
import { runThroughServer } from '../operator/operator-client.js';
import { operatorSocketPath } from '../operator/operator-socket.js';
import { buildCli } from './build-cli.js';
import { readPassword } from './read-password.js';

const argv = process.argv.slice(2);
const wantsHelp = argv.length === 0 || argv.some((a) => a === '--help' || a === '-h' || a === 'help');
// While the server holds the embedded database, the commands go through the server (help and the plugin
// generator need no database).
const socket = wantsHelp || argv[0] === 'plugin' ? null : operatorSocketPath(serverConfigFromEnv().database);
const throughServer = socket
  ? await runThroughServer(socket, argv, {
      print: (line) => console.log(line),
      printError: (line) => console.error(line),
      readPassword,
    })
  : null;
if (throughServer !== null) process.exit(throughServer);

try {
  await buildCli((line) => console.log(line), { readPassword }).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const details = (error as { fieldErrors?: unknown }).fieldErrors;
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  if (details === undefined && !(error instanceof Error)) console.error(error);
  process.exit(1);
}
