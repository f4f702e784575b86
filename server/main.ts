/** `npm run server`: the team server, with no set-up (see docs/deployment.md). */
import { configFromEnv, startServer } from './server';

const config = configFromEnv();
const server = await startServer(config).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir} (trials only: it does not fsync)`;
console.log(`QA Lens team server on ${server.url}, data in ${where}. Admin: npm run server:admin -- create-team "<name>"`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
