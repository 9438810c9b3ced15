import cluster, { type Worker } from 'node:cluster';
import { pino } from 'pino';
import type { ServerConfig } from './config.js';
import { demoCredentialLines } from './seed/demo-seed.js';
import { prepareDatabase } from './start-app.js';

/** A process that dies sooner than this after starting is not restarted: it would only die again. */
const MIN_LIFETIME_MS = 10_000;

/**
 * `WORKERS=N`: the primary takes the start-up steps once (migrations, demo seed),
 * then starts N server processes that share the port (node:cluster hands each new connection to the next),
 * restarts one that dies, and stops them all on SIGINT or SIGTERM. Each process keeps its own caches and
 * rate-limit counters. The embedded database can be opened by one process only, so this needs a server.
 */
export async function runServerProcesses(config: ServerConfig, options: { seedDemo: boolean }): Promise<void> {
  const logger = pino({ level: config.logLevel });
  const workers = config.workers ?? 1;
  if (config.database.kind !== 'postgres') {
    throw new Error(
      `WORKERS=${workers} needs a PostgreSQL server (DATABASE_URL): the embedded database can be opened by one process at a time`,
    );
  }
  const { demoCreated } = await prepareDatabase(config, options);

  let stopping = false;
  let listening = 0;
  const startedAt = new Map<Worker, number>();
  const fork = () => startedAt.set(cluster.fork(), Date.now());

  cluster.on('listening', (_worker, address) => {
    listening += 1;
    if (listening !== workers) return;
    const url = `http://${address.address ?? config.host}:${address.port}`;
    logger.info({ workers }, `ULMS is running at ${url} in ${workers} server processes`);
    process.send?.({ ulms: 'listening', url, processes: workers });
    if (demoCreated) console.log(['', ...demoCredentialLines(url), ''].join('\n'));
  });
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) process.exit(Number(process.exitCode ?? 0));
      return;
    }
    if (lived < MIN_LIFETIME_MS) {
      logger.error(
        { pid: worker.process.pid, code, signal },
        'a server process stopped right after starting: stopping them all',
      );
      stopAll(1);
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, 'a server process stopped: starting another');
    fork();
  });

  const stopAll = (exitCode: number) => {
    stopping = true;
    process.exitCode = exitCode;
    if (startedAt.size === 0) process.exit(exitCode);
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      logger.info(`${signal}: the server processes finish the requests in flight, then stop`);
      stopAll(0);
    });
  }

  for (let i = 0; i < workers; i += 1) fork();
}
