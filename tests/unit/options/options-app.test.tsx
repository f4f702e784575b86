import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { OptionsApp } from '../../../components/options/OptionsApp';
import type { OptionsClient } from '../../../components/options/options-client';
import {
  archiveScorecard,
  getProfile,
  getTeamSettings,
  listScorecards,
  QaLensDatabase,
  saveProfile,
  saveScorecard,
  saveTeamSettings,
  seedScorecards,
} from '../../../lib/db';
import { DEFAULT_TEAM_SETTINGS, type Evaluation, type Scorecard, type ScorecardContent } from '../../../lib/schemas';
import { SCORECARD_TEMPLATES } from '../../../lib/scorecards/templates';

let db: QaLensDatabase;
let now = 1_700_000_000_000;

function dexieClient(database: QaLensDatabase) {
  return {
    listScorecards: () => listScorecards(database),
    saveScorecard: (input) => saveScorecard(database, input, ++now),
    archiveScorecard: (id) => archiveScorecard(database, id, ++now),
    getProfile: () => getProfile(database),
    saveProfile: (profile) => saveProfile(database, profile),
    getTeamSettings: () => getTeamSettings(database),
    saveTeamSettings: (settings) => saveTeamSettings(database, settings),
    download: vi.fn<(filename: string, text: string) => void>(),
  } satisfies OptionsClient;
}

/** A draft evaluation pinned to one scorecard version, as the panel would store it. */
function evaluationOf(scorecard: Scorecard): Evaluation {
  return {
    id: crypto.randomUUID(),
    kind: 'review',
    status: 'draft',
    ticket: {
      key: 'zendesk:4211',
      helpdesk: 'zendesk',
      ticketId: '4211',
      url: 'https://acme.zendesk.com/agent/tickets/4211',
      channel: 'email',
      subject: 'Refund not received',
      agent: { name: 'Alex Agent' },
    },
    scorecardId: scorecard.id,
    scorecardVersion: scorecard.version,
    answers: {},
    strengths: '',
    improvements: '',
    author: { name: 'Riley', role: 'supervisor' },
    score: null,
    passed: null,
    reviewSeconds: 0,
    acknowledgeBy: null,
    history: [],
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
  };
}

async function scorecardNamed(name: string) {
  const card = (await listScorecards(db)).find((s) => s.name === name);
  if (!card) throw new Error(`no scorecard named ${name}`);
  return card;
}

function renderApp() {
  const client = dexieClient(db);
  render(<OptionsApp client={client} />);
  return client;
}

const status = (name: RegExp | string) => screen.findByText(name, { selector: '[role=status]' });

function chooseFile(text: string, name = 'scorecard.json') {
  const input = screen.getByLabelText('Import scorecard JSON');
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

beforeEach(async () => {
  db = new QaLensDatabase(`test-${crypto.randomUUID()}`);
  await seedScorecards(db, SCORECARD_TEMPLATES, now);
});

afterEach(async () => {
  db.close();
  await db.delete();
});

/** The list of scorecards (the page has other lists: identities, root causes). */
async function scorecardList() {
  return within(await screen.findByRole('region', { name: 'Scorecards' })).findByRole('list');
}

describe('scorecard list', () => {
  it('shows the seeded templates with version, size and default channels', async () => {
    renderApp();
    const list = await scorecardList();
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('heading').textContent)).toEqual([
      'Chat & email quality',
      'Complaint handling (HEAT)',
      'Compliance',
    ]);
    expect(items[0]!.textContent).toContain('version 1');
    expect(items[0]!.textContent).toContain('10 criteria');
    expect(items[0]!.textContent).toContain('Default for Email, Chat, Messaging');
    expect(items[2]!.textContent).toContain('No default channels');
    for (const name of ['Chat & email quality', 'Compliance']) {
      expect(screen.getByRole('button', { name: `Edit ${name}` })).toBeTruthy();
      expect(screen.getByRole('button', { name: `Export ${name}` })).toBeTruthy();
      expect(screen.getByRole('button', { name: `Archive ${name}` })).toBeTruthy();
    }
  });

  it('exports the content of a scorecard as pretty-printed JSON', async () => {
    const client = renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Export Complaint handling (HEAT)' }));
    expect(client.download).toHaveBeenCalledTimes(1);
    const [filename, text] = client.download.mock.calls[0]!;
    expect(filename).toBe('complaint-handling-heat.scorecard.json');
    expect(text).toContain('\n  "passMark": 75,');
    expect(JSON.parse(text)).toEqual(SCORECARD_TEMPLATES[1]);
  });

  it('archives a scorecard: it leaves the list but its version stays', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Archive Compliance' }));
    await status('Archived "Compliance". Evaluations that used it keep it; new evaluations cannot choose it.');
    expect(screen.queryByRole('button', { name: 'Edit Compliance' })).toBeNull();
    const rows = await db.scorecards.toArray();
    expect(rows.find((r) => r.name === 'Compliance')).toMatchObject({ archived: true, version: 1 });
  });
});

describe('editing a scorecard', () => {
  it('saves an edit to a scorecard an evaluation uses as version 2, leaving version 1 as it was', async () => {
    const card = await scorecardNamed('Chat & email quality');
    await db.evaluations.add(evaluationOf(card));
    renderApp();

    fireEvent.click(await screen.findByRole('button', { name: 'Edit Chat & email quality' }));
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Weight of Greeting and personalisation' }), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save scorecard' }));

    await status('Saved "Chat & email quality" as version 2.');
    expect((await scorecardList()).textContent).toContain('version 2');
    const versions = await db.scorecards.where('id').equals(card.id).sortBy('version');
    expect(versions.map((v) => [v.version, v.sections[0]!.criteria[0]!.weight])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('saves an edit to an unused scorecard in place', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Compliance' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Compliance (UK)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save scorecard' }));
    await status('Saved "Compliance (UK)" as version 1.');
    expect(await db.scorecards.count()).toBe(3);
  });

  it('lists every validation problem with its path and saves nothing', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Compliance' }));
    const before = await db.scorecards.toArray();
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Weight of Interaction recorded accurately' }), { target: { value: '-1' } });
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Pass mark' }), { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save scorecard' }));

    const alert = await screen.findByRole('alert');
    const problems = within(alert).getAllByRole('listitem').map((li) => li.textContent);
    expect(problems).toEqual([
      'passMark: Too big: expected number to be <=100',
      'sections.2.criteria.0.weight: Too small: expected number to be >=0',
    ]);
    expect(await db.scorecards.toArray()).toEqual(before);
  });

  it('edits structure: custom outcomes, moves, removals and a new section', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Compliance' }));

    const scale = screen.getByRole('combobox', { name: 'Scale of Interaction recorded accurately' });
    fireEvent.change(scale, { target: { value: 'custom' } });
    expect(screen.getByRole('textbox', { name: 'Outcome label of Interaction recorded accurately, outcome 1' })).toHaveProperty('value', 'Yes');
    fireEvent.click(screen.getByRole('button', { name: 'Add outcome: Interaction recorded accurately' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Outcome label of Interaction recorded accurately, outcome 3' }), {
      target: { value: 'Mostly' },
    });
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Value of Interaction recorded accurately, outcome 3' }), { target: { value: '0.5' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Passes: Interaction recorded accurately, outcome 3' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'N/A allowed: Interaction recorded accurately' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Critical of Interaction recorded accurately' }), { target: { value: 'section' } });

    fireEvent.click(screen.getByRole('button', { name: 'Move criterion down: Identity verified before disclosing account details' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove criterion: Correct complaint-escalation route given' }));
    fireEvent.click(screen.getByRole('button', { name: 'Move section up: Records' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add section' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Section title of New section' }), { target: { value: 'Tone' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Criterion title of New criterion' }), { target: { value: 'Polite' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Bonus section: Tone' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Chat' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save scorecard' }));

    await status('Saved "Compliance" as version 1.');
    const saved = await scorecardNamed('Compliance');
    expect(saved.channels).toEqual(['chat']);
    expect(saved.sections.map((s) => [s.id, s.title, s.bonus])).toEqual([
      ['data-protection', 'Data protection', false],
      ['records', 'Records', false],
      ['consumer-rights', 'Consumer rights', false],
      ['tone', 'Tone', true],
    ]);
    expect(saved.sections[0]!.criteria.map((c) => c.id)).toEqual(['minimum-data', 'identity-verified', 'no-card-or-password-requested']);
    expect(saved.sections[2]!.criteria.map((c) => c.id)).toEqual(['rights-information']);
    expect(saved.sections[3]!.criteria.map((c) => [c.id, c.title])).toEqual([['polite', 'Polite']]);
    expect(saved.sections[1]!.criteria[0]).toMatchObject({
      allowNa: true,
      critical: 'section',
      scale: {
        kind: 'custom',
        options: [
          { id: 'yes', label: 'Yes', value: 1, passes: true },
          { id: 'no', label: 'No', value: 0, passes: false },
          { id: 'mostly', label: 'Mostly', value: 0.5, passes: true },
        ],
      },
    });
  });

  it('creates a new scorecard, asking for a name first', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'New scorecard' }));
    expect(screen.getByRole('heading', { name: 'New scorecard' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save scorecard' }));
    expect(within(await screen.findByRole('alert')).getByText('name: Too small: expected string to have >=1 characters')).toBeTruthy();

    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Voice basics' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Section title of New section' }), { target: { value: 'Call opening' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Criterion title of New criterion' }), { target: { value: 'Said their name' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Description of Said their name' }), { target: { value: 'Gives their first name.' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Scale of Said their name' }), { target: { value: 'points-3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save scorecard' }));

    await status('Saved "Voice basics" as version 1.');
    expect(screen.getByRole('heading', { name: 'Voice basics' })).toBeTruthy();
    const saved = await scorecardNamed('Voice basics');
    expect(saved.sections).toEqual([
      {
        id: 'call-opening',
        title: 'Call opening',
        bonus: false,
        criteria: [
          {
            id: 'said-their-name',
            title: 'Said their name',
            description: 'Gives their first name.',
            weight: 1,
            scale: { kind: 'points', points: 3 },
            allowNa: false,
            critical: 'none',
          },
        ],
      },
    ]);
  });

  it('cancels without saving', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Compliance' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Changed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('button', { name: 'Edit Compliance' })).toBeTruthy();
    expect((await scorecardNamed('Compliance')).updatedAt).toBe(now);
  });
});

describe('importing a scorecard file', () => {
  const importable: ScorecardContent = {
    name: 'Imported card',
    description: '',
    channels: ['voice'],
    passMark: 60,
    sections: [
      {
        id: 'only',
        title: 'Only',
        bonus: false,
        criteria: [{ id: 'polite', title: 'Polite', description: '', weight: 1, scale: { kind: 'binary' }, allowNa: false, critical: 'none' }],
      },
    ],
  };

  it('saves a valid file as a new scorecard', async () => {
    renderApp();
    await screen.findByRole('list');
    chooseFile(JSON.stringify(importable));
    await status('Imported "Imported card".');
    expect(await screen.findByRole('heading', { name: 'Imported card' })).toBeTruthy();
    expect(await scorecardNamed('Imported card')).toMatchObject({ ...importable, version: 1 });
  });

  it('lists every error with its path and writes nothing', async () => {
    renderApp();
    await screen.findByRole('list');
    const bad = structuredClone(importable) as unknown as { passMark: unknown; sections: { criteria: Record<string, unknown>[] }[] };
    bad.passMark = '60';
    bad.sections[0]!.criteria[0]!.weight = -3;
    bad.sections[0]!.criteria.push({ ...bad.sections[0]!.criteria[0]!, weight: 1 });
    chooseFile(JSON.stringify(bad), 'bad.json');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not import bad.json. Nothing was saved.');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'passMark: Invalid input: expected number, received string',
      'sections.0.criteria.0.weight: Too small: expected number to be >=0',
      'sections: section and criterion ids must be unique (repeated: polite)',
    ]);
    expect(await db.scorecards.count()).toBe(3);
  });

  it('says when the file is not JSON', async () => {
    renderApp();
    await screen.findByRole('list');
    chooseFile('name: not json');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/^Not valid JSON: /)).toBeTruthy();
    expect(await db.scorecards.count()).toBe(3);
  });
});

describe('profile', () => {
  it('loads, saves and round-trips the profile', async () => {
    renderApp();
    const name = await screen.findByRole('textbox', { name: 'Your name' });
    expect(name).toHaveProperty('value', '');
    expect(screen.getByRole('combobox', { name: 'Role' })).toHaveProperty('value', 'supervisor');

    fireEvent.input(name, { target: { value: 'Riley QA' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Role' }), { target: { value: 'agent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));

    await status('Profile saved.');
    expect(await getProfile(db)).toEqual({ name: 'Riley QA', role: 'agent', identities: [] });
  });

  it('shows the stored profile', async () => {
    await saveProfile(db, { name: 'Jo Admin', role: 'admin', identities: [] });
    renderApp();
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveProperty('value', 'Jo Admin'));
    expect(screen.getByRole('combobox', { name: 'Role' })).toHaveProperty('value', 'admin');
    expect(within(screen.getByRole('combobox', { name: 'Role' })).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Supervisor',
      'Agent',
      'Admin',
    ]);
  });
});

describe('identities', () => {
  it('saves the helpdesk identities with the profile, and keeps them when only the name changes', async () => {
    await saveProfile(db, { name: 'Alex Moreno', role: 'agent', identities: [{ helpdesk: null, value: 'A. Moreno' }] });
    renderApp();
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Name or email of identity 1' })).toHaveProperty('value', 'A. Moreno'));
    fireEvent.click(screen.getByRole('button', { name: 'Add identity' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Helpdesk of identity 2' }), { target: { value: 'zendesk' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Name or email of identity 2' }), { target: { value: 'alex.moreno@acme-support.example' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Your name' }), { target: { value: 'Alex M.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await status('Profile saved.');
    expect(await getProfile(db)).toEqual({
      name: 'Alex M.',
      role: 'agent',
      identities: [
        { helpdesk: null, value: 'A. Moreno' },
        { helpdesk: 'zendesk', value: 'alex.moreno@acme-support.example' },
      ],
    });
  });

  it('refuses an identity left empty, saying which, and saves nothing', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Add identity' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Identity 1 has no name or email: fill it in or remove it.');
    expect((await getProfile(db)).identities).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove identity 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    await status('Profile saved.');
  });
});

describe('team rules', () => {
  it('saves the feedback rules and a new root cause with its category', async () => {
    renderApp();
    const region = within(await screen.findByRole('region', { name: 'Team rules' }));
    fireEvent.click(await region.findByRole('checkbox', { name: 'Require at least one strength and one improvement in every review' }));
    fireEvent.input(region.getByRole('textbox', { name: 'Minimum feedback length (characters)' }), { target: { value: '60' } });
    fireEvent.input(region.getByRole('textbox', { name: 'Working days to acknowledge a review' }), { target: { value: '3' } });
    fireEvent.click(region.getByRole('button', { name: 'Add root cause' }));
    fireEvent.input(region.getByRole('textbox', { name: 'Name of root cause 8' }), { target: { value: 'Billing system outage' } });
    fireEvent.change(region.getByRole('combobox', { name: 'Category of root cause 8' }), { target: { value: 'tooling' } });
    fireEvent.click(region.getByRole('button', { name: 'Save team rules' }));
    await status('Team rules saved.');
    const saved = await getTeamSettings(db);
    expect(saved).toMatchObject({ requireBalancedFeedback: false, minFeedbackChars: 60, acknowledgementWorkingDays: 3 });
    expect(saved.rootCauses.at(-1)).toEqual({ id: 'billing-system-outage', label: 'Billing system outage', category: 'tooling' });
  });

  it('lists what is wrong and saves nothing', async () => {
    renderApp();
    const region = within(await screen.findByRole('region', { name: 'Team rules' }));
    fireEvent.input(await region.findByRole('textbox', { name: 'Minimum feedback length (characters)' }), { target: { value: 'lots' } });
    fireEvent.input(region.getByRole('textbox', { name: 'Name of root cause 2' }), { target: { value: '' } });
    fireEvent.click(region.getByRole('button', { name: 'Save team rules' }));
    const alert = await region.findByRole('alert');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Minimum feedback length is a whole number of characters from 0 to 1000.',
      'Root cause 2: give it a name, or remove it.',
    ]);
    expect(await getTeamSettings(db)).toEqual(DEFAULT_TEAM_SETTINGS);
  });
});

async function violations() {
  // Colour contrast needs real layout, which happy-dom does not do; the browser tests cover it.
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('accessibility', () => {

  it('has no axe violations on the list, or in the editor with custom outcomes and errors', async () => {
    renderApp();
    await screen.findByRole('button', { name: 'Edit Complaint handling (HEAT)' });
    expect(await violations()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Edit Complaint handling (HEAT)' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Scale of Took ownership' }), { target: { value: 'custom' } });
    fireEvent.input(screen.getByRole('spinbutton', { name: 'Weight of Took ownership' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save scorecard' }));
    expect(within(await screen.findByRole('alert')).getByText(/^sections\.3\.criteria\.0\.weight: /)).toBeTruthy();
    expect(await violations()).toEqual([]);
  });
});

describe('Automatic check on a criterion', () => {
  const criterionGroup = (title: string) => screen.getAllByRole('group').find((g) => g.tagName === 'FIELDSET' && g.querySelector('legend')?.textContent === title)!;

  it('links criteria to checks with their parameters, and the link survives export and import of the scorecard file', async () => {
    const client = renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Chat & email quality' }));
    const greeting = within(criterionGroup('Greeting and personalisation'));
    fireEvent.change(greeting.getByRole('combobox', { name: 'Automatic check' }), { target: { value: 'greeting' } });
    expect(greeting.getByText(/first agent reply greets the customer/)).toBeTruthy();
    const procedure = within(criterionGroup('Followed procedure, correct tags and notes'));
    fireEvent.change(procedure.getByRole('combobox', { name: 'Automatic check' }), { target: { value: 'prohibited-phrase' } });
    fireEvent.input(procedure.getByRole('textbox', { name: 'Prohibited phrases of Followed procedure, correct tags and notes, one per line' }), {
      target: { value: 'no worries\n\n  To be honest \n' },
    });
    fireEvent.click(procedure.getByRole('checkbox', { name: /built-in list/ }));
    expect(await violations()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Save scorecard' }));
    await status(/Saved "Chat & email quality"/);

    const saved = await scorecardNamed('Chat & email quality');
    const criteria = saved.sections.flatMap((s) => s.criteria);
    expect(criteria.find((c) => c.id === 'greeting')!.autoCheck).toEqual({ check: 'greeting', params: {} });
    expect(criteria.find((c) => c.id === 'procedure')!.autoCheck).toEqual({ check: 'prohibited-phrase', params: { phrases: ['no worries', 'To be honest'], includeDefaultPhrases: false } });

    fireEvent.click(await screen.findByRole('button', { name: 'Export Chat & email quality' }));
    const [, text] = client.download.mock.calls.at(-1)!;
    await db.scorecards.clear();
    chooseFile(text);
    await status('Imported "Chat & email quality".');
    const imported = (await scorecardNamed('Chat & email quality')).sections.flatMap((s) => s.criteria);
    expect(imported.find((c) => c.id === 'procedure')!.autoCheck).toEqual(criteria.find((c) => c.id === 'procedure')!.autoCheck);
  });

  it('refuses a zero threshold by its path and saves nothing', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Chat & email quality' }));
    const greeting = within(criterionGroup('Greeting and personalisation'));
    fireEvent.change(greeting.getByRole('combobox', { name: 'Automatic check' }), { target: { value: 'first-response' } });
    fireEvent.input(greeting.getByRole('spinbutton', { name: 'Threshold in minutes for Greeting and personalisation' }), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save scorecard' }));
    expect(within(await screen.findByRole('alert')).getByText(/^sections\.0\.criteria\.0\.autoCheck\.params\.thresholdMinutes: the threshold must be more than 0 minutes/)).toBeTruthy();
    expect((await scorecardNamed('Chat & email quality')).sections[0]!.criteria[0]!.autoCheck).toBeUndefined();
  });
});
