import { parseTeamRulesForm, teamRulesForm } from '@/lib/options/team-rules-form';
import { DEFAULT_TEAM_SETTINGS } from '@/lib/schemas';

describe('parseTeamRulesForm', () => {
  it('reads back the settings it was filled from', () => {
    expect(parseTeamRulesForm(teamRulesForm(DEFAULT_TEAM_SETTINGS))).toEqual({ ok: true, settings: DEFAULT_TEAM_SETTINGS });
  });

  it('gives new root causes ids from their names, unique, and keeps saved ids when causes are renamed', () => {
    const form = teamRulesForm(DEFAULT_TEAM_SETTINGS);
    form.rootCauses[0]!.label = 'Product knowledge gap';
    form.rootCauses.push({ id: '', label: 'Knowledge gap', category: 'process' }, { id: '', label: 'Billing system outage!', category: 'tooling' });
    const result = parseTeamRulesForm(form);
    expect(result.ok && result.settings.rootCauses.map((c) => c.id)).toEqual([
      'knowledge-gap',
      'skill-or-behaviour',
      'did-not-follow-process',
      'unclear-process',
      'product-defect',
      'policy-constraint',
      'tooling-problem',
      'knowledge-gap-2',
      'billing-system-outage',
    ]);
  });

  it.each([
    ['a minimum length that is not a number', { minFeedbackChars: 'forty' }, 'Minimum feedback length is a whole number of characters from 0 to 1000.'],
    ['a deadline of too many days', { acknowledgementWorkingDays: '90' }, 'Working days to acknowledge is a whole number from 0 (no deadline) to 60.'],
    ['a root cause with no name', { rootCauses: [{ id: '', label: '  ', category: 'agent' as const }] }, 'Root cause 1: give it a name, or remove it.'],
    [
      'the same root cause twice',
      { rootCauses: [{ id: 'a', label: 'Policy gap', category: 'policy' as const }, { id: '', label: 'policy gap', category: 'policy' as const }] },
      'Root cause 2: “policy gap” is already root cause 1.',
    ],
  ])('explains %s', (_, patch, message) => {
    expect(parseTeamRulesForm({ ...teamRulesForm(DEFAULT_TEAM_SETTINGS), ...patch })).toEqual({ ok: false, errors: [message] });
  });
});
