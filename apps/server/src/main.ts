import { serverConfigFromEnv } from './config.js';
import { demoCredentialLines } from './seed/demo-seed.js';
import { startApp } from './start-app.js';

const seedDemo = process.env['SEED_DEMO'] !== 'false';
const app = await startApp(serverConfigFromEnv(), { seedDemo });
app.server.log.info(`ULMS is running at ${app.url}`);
if (seedDemo) console.log(['', ...demoCredentialLines(app.url), ''].join('\n'));

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
