import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { PanelApp } from '@/components/panel/PanelApp';
import { findDraft, getScorecard, listTicketEvaluations, saveProfile, submitEvaluation } from '@/lib/db';
import { createExtensionPanelClient } from '@/lib/panel/extension-panel-client';
import { BLANK_ANSWER } from '@/lib/schemas';
import { scaleOptions } from '@/lib/scoring';
import { freshDatabase, ticket } from '../db/factories';

const REVIEWER = { name: 'Rae Reviewer', role: 'supervisor' as const, identities: [] };

/**
 * The extension's own panel client over a throwaway database; only the worker's tab lookup is
 * stood in for. Saves can be held at a gate, so a test decides when an autosave in flight lands.
 */
async function openPanel() {
  const db = freshDatabase();
  await saveProfile(db, REVIEWER);
  const client = createExtensionPanelClient(db);
  const gate = { held: false, waiting: 0, open: () => {} };
  const release = new Promise<void>((resolve) => (gate.open = resolve));
  const saveDraft: typeof client.saveDraft = async (draft) => {
    if (gate.held) {
      gate.waiting++;
      await release;
    }
    return client.saveDraft(draft);
  };
  render(<PanelApp client={{ ...client, saveDraft, hello: async () => ({ tabId: 1, ticket }), onTicketChanged: () => () => {} }} />);
  await screen.findByRole('button', { name: /^Submit/ });
  return { db, gate };
}

/** What another tab does: takes the stored draft, answers the rest, writes feedback and submits it. */
async function submitFromOtherTab(db: ReturnType<typeof freshDatabase>) {
  const draft = (await findDraft(db, 'zendesk:1001', REVIEWER.name))!;
  const card = (await getScorecard(db, draft.scorecardId, draft.scorecardVersion))!;
  const answers = Object.fromEntries(card.sections.flatMap((s) => s.criteria).map((c) => [c.id, draft.answers[c.id] ?? { ...BLANK_ANSWER, optionId: scaleOptions(c.scale)[0]!.id }]));
  return submitEvaluation(db, { ...draft, answers, strengths: 'Greeting used the name.', improvements: 'Next steps: say when.' }, card, ticket, Date.now());
}

describe('the panel when another tab of its ticket submits the draft', () => {
  it('shows the submission, clears the draft and lists the evaluation, with no save error, even with an edit pending', async () => {
    const { db, gate } = await openPanel();
    fireEvent.click(within(screen.getAllByRole('radiogroup')[0]!).getAllByRole('radio')[1]!);
    await screen.findByText('Draft saved');
    // An edit whose autosave is in flight when the other tab submits, and lands after this tab heard of it.
    gate.held = true;
    fireEvent.input(screen.getByRole('textbox', { name: 'Strengths' }), { target: { value: 'Typed as the other tab submitted.' } });
    await waitFor(() => expect(gate.waiting).toBe(1));
    const submitted = await submitFromOtherTab(db);

    await screen.findByText(/^Evaluation submitted in another tab: \d+(\.\d+)?%/);
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);
    expect((screen.getByRole('textbox', { name: 'Strengths' }) as HTMLTextAreaElement).value).toBe('');
    await screen.findByTestId('earlier-evaluation');
    // The refused save lands: no error where the draft was, and nothing written.
    const saves = () => performance.getEntriesByName('qa-lens:save-draft').length;
    const savesBefore = saves();
    gate.open();
    await waitFor(() => expect(saves()).toBe(savesBefore + 1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('button', { name: 'Retry save' })).toBeNull();
    expect(screen.queryByText(/^Not saved|could not be saved/)).toBeNull();
    expect(screen.getByText(/in another tab/)).toBeTruthy();
    await waitFor(async () => expect((await listTicketEvaluations(db, 'zendesk:1001')).map((e) => e.id)).toEqual([submitted.id]));
    expect(await findDraft(db, 'zendesk:1001', REVIEWER.name)).toBeUndefined();
  });
});
