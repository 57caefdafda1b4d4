import { ConfigError, loadConfig } from './config/config';
import { createApp } from './app';

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
  const app = await createApp(config);
  await app.listen(config.port);
  const database = config.database.kind === 'sqlite' ? `SQLite at ${config.database.file}` : 'PostgreSQL';
  console.log(`\nMingle is running on ${database}, realtime ${config.redisUrl ? 'via Redis' : 'in-process'}.`);
  console.log(`Open ${config.publicUrl}/console to start.\n`);
}

main().catch((error: Error) => {
  console.error(`Mingle could not start: ${error.message}`);
  process.exit(1);
});
