// `npm run autoqa -- FILE [--prohibited "<phrase>"]... [--no-default-prohibited] [--no-lexicon]`
//
// Runs QA Lens's automatic checks and Spotlight on a JSON array of conversations and prints a JSON
// array with, per conversation, each check's outcome, confidence, reason and evidence spans, and the
// Spotlight flags. The very functions the panel runs (lib/autoqa), so a team can try its rules on
// its own exports before linking them to a scorecard. Nothing leaves the machine.
import { readFileSync } from 'node:fs';
import { analyseConversation, analysisJson } from '../lib/autoqa';
import { parseConversations } from '../lib/autoqa/input';

const USAGE = 'Usage: npm run autoqa -- FILE [--prohibited "<phrase>"]... [--no-default-prohibited] [--no-lexicon]';

function fail(lines: string[]): never {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(1);
}

function parseArgs(argv: string[]) {
  const phrases: string[] = [];
  let file: string | undefined;
  let includeDefaultPhrases = true;
  let lexicon = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--prohibited') {
      const phrase = argv[++i];
      if (phrase === undefined || phrase.trim() === '') fail(['--prohibited needs a phrase after it.', USAGE]);
      phrases.push(phrase);
    } else if (arg.startsWith('--prohibited=')) phrases.push(arg.slice('--prohibited='.length));
    else if (arg === '--no-default-prohibited') includeDefaultPhrases = false;
    else if (arg === '--no-lexicon') lexicon = false;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('--')) fail([`Unknown option ${arg}.`, USAGE]);
    else if (file === undefined) file = arg;
    else fail([`One file at a time: got ${file} and ${arg}.`, USAGE]);
  }
  if (file === undefined) fail(['Name the JSON file of conversations to check.', USAGE]);
  return { file, phrases, includeDefaultPhrases, lexicon };
}

const args = parseArgs(process.argv.slice(2));
let text: string;
try {
  text = readFileSync(args.file, 'utf8');
} catch (error) {
  fail([`Cannot read ${args.file}: ${error instanceof Error ? error.message : String(error)}`]);
}
const input = parseConversations(text);
if (!input.ok) fail([`${args.file} is not a JSON array of conversations:`, ...input.errors.map((e) => `  ${e}`)]);
const params = { 'prohibited-phrase': { phrases: args.phrases, includeDefaultPhrases: args.includeDefaultPhrases } };
const output = input.conversations.map((conversation) => analysisJson(analyseConversation(conversation, params, { lexicon: args.lexicon })));
process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
