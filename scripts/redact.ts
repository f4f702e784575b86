// `npm run redact -- FILE`: reads a JSON array of strings and prints it redacted, as JSON, with the
// same function the panel and the worker use. For teams that want to redact a file they exported,
// or to check what the rules catch. `-` reads standard input; `--settings FILE` applies a team's
// privacy settings (the `privacy` object of its team settings: kinds kept, phone regions, custom
// patterns) instead of the defaults.
import { redactCli } from './redact-cli';

const result = redactCli(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
