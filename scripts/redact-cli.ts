// What `npm run redact -- FILE` does, as a function of its arguments and a file reader, so its
// tests run in-process; scripts/redact.ts wires it to the process.
import { readFileSync } from 'node:fs';
import { redactionRules, redactText } from '../lib/privacy';
import { describeIssues } from '../lib/schemas/describe-issues';
import { PrivacySettingsSchema } from '../lib/schemas/privacy';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Refusal extends Error {}

const USAGE = 'usage: npm run redact -- FILE [--settings privacy.json]   (FILE holds a JSON array of strings; - reads standard input)';

export function redactCli(argv: readonly string[], read: (file: string) => string = (file) => readFileSync(file === '-' ? 0 : file, 'utf8')): CliResult {
  try {
    return { code: 0, ...run(argv, read) };
  } catch (error) {
    if (error instanceof Refusal) return { code: 1, stdout: '', stderr: `redact: ${error.message}\n` };
    throw error;
  }
}

function run(argv: readonly string[], read: (file: string) => string): { stdout: string; stderr: string } {
  const args = [...argv];
  const settingsAt = args.indexOf('--settings');
  const settingsFile = settingsAt >= 0 ? args.splice(settingsAt, 2)[1] : undefined;
  if (args.length !== 1 || (settingsAt >= 0 && !settingsFile)) throw new Refusal(USAGE);
  const file = args[0]!;

  const parse = (name: string): unknown => {
    let text: string;
    try {
      text = read(name);
    } catch (error) {
      throw new Refusal(`cannot read ${name}: ${(error as Error).message}`);
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Refusal(`${name} is not JSON: ${(error as Error).message}`);
    }
  };

  const input = parse(file);
  if (!Array.isArray(input)) throw new Refusal(`${file} must hold a JSON array of strings; it holds ${input === null ? 'null' : typeof input}.`);
  const notText = input.findIndex((item) => typeof item !== 'string');
  if (notText >= 0) throw new Refusal(`item ${notText + 1} of ${file} is ${JSON.stringify(input[notText])?.slice(0, 40)}, not a string: every item must be a string.`);

  let settings = PrivacySettingsSchema.parse({});
  if (settingsFile) {
    const parsed = PrivacySettingsSchema.safeParse(parse(settingsFile));
    if (!parsed.success) throw new Refusal(`${settingsFile} is not valid privacy settings: ${describeIssues(parsed.error)}`);
    settings = parsed.data;
  }
  const rules = redactionRules(settings);
  const stderr = rules.refused.map((refusal) => `redact: custom pattern not used: ${refusal}\n`).join('');
  return { stdout: `${JSON.stringify((input as string[]).map((text) => redactText(text, rules)), null, 2)}\n`, stderr };
}
