/** Entry of `npm run server:admin -- <command>`. */
import { CliError, runAdmin } from './cli';

try {
  console.log(await runAdmin(process.argv.slice(2)));
} catch (error) {
  console.error(error instanceof CliError ? error.message : error);
  process.exit(1);
}
