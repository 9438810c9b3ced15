import { serverConfigFromEnv } from './config.js';
import { startApp } from './start-app.js';

const app = await startApp(serverConfigFromEnv(), { seedDemo: process.env['SEED_DEMO'] !== 'false' });
app.server.log.info(`ULMS is running at ${app.url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.server.log.info(`${signal}: finishing requests in flight, then stopping`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        app.server.log.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      },
    );
  });
}
