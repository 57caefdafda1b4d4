import { ConfigError, loadConfig } from './config/config';
import { createApp } from './app';
import { startingServer, waitForDependencies } from './health/startup';

// A dependency outage may surface as a rejection nobody awaits (e.g. inside a library): it is
// logged, never fatal; the node keeps serving and recovers when the service is back.
process.on('unhandledRejection', (reason) => {
  console.error(`Unhandled rejection (the server keeps running): ${reason instanceof Error ? reason.stack : String(reason)}`);
});

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // PostgreSQL or Redis may not be up yet: wait for them (health answers 503 meanwhile), up to a limit.
  const starting = await startingServer(config.port, config.host);
  try {
    await waitForDependencies(config, (what) => (starting.waitingFor = what));
  } finally {
    await starting.close();
  }
  const app = await createApp(config);
  // Without HOST, every interface (Node's default); behind a proxy, where the proxy expects the node.
  if (config.host) await app.listen(config.port, config.host);
  else await app.listen(config.port);
  const database = config.database.kind === 'sqlite' ? `SQLite at ${config.database.file}` : 'PostgreSQL';
  console.log(`\nMingle is running on ${database}, realtime ${config.redisUrl ? 'via Redis' : 'in-process'}.`);
  console.log(`Open ${config.publicUrl}/console to start.\n`);
}

main().catch((error: Error) => {
  console.error(`Mingle could not start: ${error.message}`);
  process.exit(1);
});
