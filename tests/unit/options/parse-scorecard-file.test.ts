import { ScorecardContentSchema, type ScorecardContent } from '../../../lib/schemas';
import {
  MAX_SCORECARD_FILE_CHARS,
  parseScorecardFile,
  scorecardFile,
  validateScorecardContent,
} from '../../../lib/options/parse-scorecard-file';
import { SCORECARD_TEMPLATES } from '../../../lib/scorecards/templates';

const template = SCORECARD_TEMPLATES[0]!;

/** A valid scorecard, as a plain object the test may break. */
function sample(): ScorecardContent {
  return {
    name: 'Sample',
    description: 'A small card.',
    channels: ['chat'],
    passMark: 70,
    sections: [
      {
        id: 'opening',
        title: 'Opening',
        bonus: false,
        criteria: [
          { id: 'greeting', title: 'Greeting', description: '', weight: 1, scale: { kind: 'binary' }, allowNa: false, critical: 'none' },
          { id: 'tone', title: 'Tone', description: '', weight: 2, scale: { kind: 'points', points: 4 }, allowNa: true, critical: 'none' },
        ],
      },
    ],
  };
}

const errorsOf = (text: string) => {
  const result = parseScorecardFile(text);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.errors;
};

describe('parseScorecardFile', () => {
  it('reads a valid file', () => {
    const result = parseScorecardFile(JSON.stringify(sample()));
    expect(result).toEqual({ ok: true, content: sample() });
  });

  it('reads what Export writes, unchanged', () => {
    const file = scorecardFile(template);
    expect(parseScorecardFile(file.text)).toEqual({ ok: true, content: template });
  });

  it('fills schema defaults and drops unknown fields', () => {
    const { description: _d, channels: _c, ...bare } = sample();
    const result = parseScorecardFile(JSON.stringify({ ...bare, id: 'x', version: 3, extra: true }));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.content).toEqual({ ...sample(), description: '', channels: [] });
      expect(result.content).not.toHaveProperty('id');
    }
  });

  it('accepts a UTF-8 byte-order mark', () => {
    expect(parseScorecardFile(`\uFEFF${JSON.stringify(sample())}`).ok).toBe(true);
  });

  it('rejects text that is not JSON, with the parser message', () => {
    const errors = errorsOf('{ name: oops');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Not valid JSON: \S/);
  });

  it('rejects an empty file', () => {
    expect(errorsOf('')[0]).toMatch(/^Not valid JSON: /);
  });

  it('rejects JSON that is not an object, naming the file as the path', () => {
    expect(errorsOf('[]')).toEqual(['(file): Invalid input: expected object, received array']);
  });

  it('lists every missing field with its path', () => {
    expect(errorsOf('{}')).toEqual([
      'name: Invalid input: expected string, received undefined',
      'passMark: Invalid input: expected number, received undefined',
      'sections: Invalid input: expected array, received undefined',
    ]);
  });

  it('names the path of a negative weight', () => {
    const card = sample();
    card.sections[0]!.criteria[1]!.weight = -1;
    expect(errorsOf(JSON.stringify(card))).toEqual(['sections.0.criteria.1.weight: Too small: expected number to be >=0']);
  });

  it('reports duplicate ids and names the repeated one', () => {
    const card = sample();
    card.sections[0]!.criteria[1]!.id = 'greeting';
    expect(errorsOf(JSON.stringify(card))).toEqual(['sections: section and criterion ids must be unique (repeated: greeting)']);
  });

  it('still reports duplicate ids when another field has the wrong type', () => {
    const card = sample() as unknown as { passMark: unknown; sections: { criteria: { id: string }[] }[] };
    card.passMark = 'high';
    card.sections[0]!.criteria[1]!.id = 'greeting';
    expect(errorsOf(JSON.stringify(card))).toEqual([
      'passMark: Invalid input: expected number, received string',
      'sections: section and criterion ids must be unique (repeated: greeting)',
    ]);
  });

  it('catches a criterion id that repeats a section id', () => {
    const card = sample();
    card.sections[0]!.criteria[0]!.id = 'opening';
    expect(errorsOf(JSON.stringify(card))[0]).toContain('(repeated: opening)');
  });

  it('rejects a custom scale with a single outcome', () => {
    const card = sample();
    card.sections[0]!.criteria[0]!.scale = { kind: 'custom', options: [{ id: 'ok', label: 'OK', value: 1, passes: true }] };
    expect(errorsOf(JSON.stringify(card))).toEqual(['sections.0.criteria.0.scale.options: Too small: expected array to have >=2 items']);
  });

  it('lists every problem at once, each starting with its path', () => {
    const card = sample() as unknown as { name: string; passMark: number; sections: { criteria: Record<string, unknown>[] }[] };
    card.name = '   ';
    card.passMark = 120;
    card.sections[0]!.criteria[0]!.weight = 'heavy';
    card.sections[0]!.criteria[1]!.scale = { kind: 'points', points: 7 };
    card.sections[0]!.criteria[1]!.critical = 'always';
    const errors = errorsOf(JSON.stringify(card));
    expect(errors.length).toBeGreaterThanOrEqual(5);
    const paths = errors.map((e) => e.slice(0, e.indexOf(': ')));
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'passMark',
        'sections.0.criteria.0.weight',
        'sections.0.criteria.1.scale.points',
        'sections.0.criteria.1.critical',
      ]),
    );
    for (const error of errors) expect(error).toMatch(/^[\w.]+: \S/);
  });

  it('refuses a file too large to be a scorecard without parsing it', () => {
    const errors = errorsOf(' '.repeat(MAX_SCORECARD_FILE_CHARS + 1));
    expect(errors[0]).toMatch(/^\(file\): Too large/);
  });
});

describe('validateScorecardContent', () => {
  it('accepts every bundled template', () => {
    for (const t of SCORECARD_TEMPLATES) expect(validateScorecardContent(t)).toEqual({ ok: true, content: ScorecardContentSchema.parse(t) });
  });
});

describe('scorecardFile', () => {
  it('names the file after the scorecard, in kebab case', () => {
    expect(scorecardFile(template).filename).toBe('chat-email-quality.scorecard.json');
    expect(scorecardFile({ ...template, name: '!!!' }).filename).toBe('scorecard.scorecard.json');
  });

  it('holds only the content, pretty-printed', () => {
    const stored = { ...template, id: 'abc', version: 2, archived: false, createdAt: 1, updatedAt: 2 };
    const { text } = scorecardFile(stored);
    expect(text).toContain('\n  "name": "Chat & email quality",\n');
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['name', 'description', 'channels', 'passMark', 'sections']);
  });
});
