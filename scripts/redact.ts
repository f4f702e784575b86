// `npm run redact -- FILE`: reads a JSON array of strings and prints it redacted, as JSON, with the
// same function the panel and the worker use. For teams that want to redact a file they exported,
// or to check what the rules catch. `-` reads standard input; `--settings FILE` applies a team's
// privacy settings (the `privacy` object of its team settings: kinds kept, phone regions, custom
// patterns) instead of the defaults.
import { readFileSync } from 'node:fs';
import { redactionRules, redactText } from '../lib/privacy';
import { PrivacySettingsSchema } from '../lib/schemas/privacy';
import { describeIssues } from '../lib/schemas/describe-issues';

function fail(message: string): never {
  process.stderr.write(`redact: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const settingsAt = args.indexOf('--settings');
const settingsFile = settingsAt >= 0 ? args.splice(settingsAt, 2)[1] : undefined;
if (args.length !== 1) fail('usage: npm run redact -- FILE [--settings privacy.json]   (FILE holds a JSON array of strings; - reads standard input)');

const read = (file: string) => {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
};
const parse = (file: string): unknown => {
  try {
    return JSON.parse(read(file));
  } catch (error) {
    return fail(`${file} is not JSON: ${(error as Error).message}`);
  }
};

const input = parse(args[0]!);
if (!Array.isArray(input)) fail(`${args[0]} must hold a JSON array of strings; it holds ${input === null ? 'null' : typeof input}.`);
const notText = input.findIndex((item) => typeof item !== 'string');
if (notText >= 0) fail(`item ${notText + 1} of ${args[0]} is ${JSON.stringify(input[notText])?.slice(0, 40)}, not a string: every item must be a string.`);

let settings = PrivacySettingsSchema.parse({});
if (settingsFile) {
  const parsed = PrivacySettingsSchema.safeParse(parse(settingsFile));
  if (!parsed.success) fail(`${settingsFile} is not valid privacy settings: ${describeIssues(parsed.error)}`);
  settings = parsed.data;
}
const rules = redactionRules(settings);
for (const refusal of rules.refused) process.stderr.write(`redact: custom pattern not used: ${refusal}\n`);

process.stdout.write(`${JSON.stringify((input as string[]).map((text) => redactText(text, rules)), null, 2)}\n`);
