import { CommanderError } from 'commander';
import { buildCli } from './build-cli.js';
import { readPassword } from './read-password.js';

try {
  await buildCli((line) => console.log(line), { readPassword }).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const details = (error as { fieldErrors?: unknown }).fieldErrors;
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  if (details === undefined && !(error instanceof Error)) console.error(error);
  process.exit(1);
}
