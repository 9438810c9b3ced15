import cluster from 'node:cluster';
import { serverConfigFromEnv } from './config.js';
import { demoCredentialLines, demoSeedWanted } from './seed/demo-seed.js';
import { runServerProcesses } from './server-processes.js';
import { startApp } from './start-app.js';

const config = serverConfigFromEnv();
// The demo on the embedded database unless SEED_DEMO=false; on a PostgreSQL server only with SEED_DEMO=true.
const seedDemo = demoSeedWanted(process.env, config.database);

if ((config.workers ?? 1) > 1 && cluster.isPrimary) {
  // The primary takes the start-up steps once, then WORKERS processes serve the one port.
  await runServerProcesses(config, { seedDemo });
} else {
  const worker = cluster.isWorker;
  const app = await startApp(config, { seedDemo, prepared: worker });
  if (!worker) {
    app.server.log.info(`ULMS is running at ${app.url}`);
    // A parent process that started this one with an IPC channel (such as the bench) learns it is serving.
    process.send?.({ ulms: 'listening', url: app.url, processes: 1 });
    // The demo's passwords only on the start that created it, not at every start.
    if (app.demoCreated) console.log(['', ...demoCredentialLines(app.url), ''].join('\n'));
  }

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      if (!worker) app.server.log.info(`${signal}: finishing requests in flight, then stopping`);
      app.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          app.server.log.error({ err: error }, 'unclean shutdown');
          process.exit(1);
        },
      );
    });
  }
}
