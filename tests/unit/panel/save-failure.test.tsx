import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { PanelApp } from '@/components/panel/PanelApp';
import { findDraft, getTicketSnapshot, listTicketEvaluations, saveProfile, seedScorecards, type QaLensDatabase } from '@/lib/db';
import { SCORECARD_TEMPLATES } from '@/lib/scorecards/templates';
import type { Profile } from '@/lib/schemas';
import { freshDatabase } from '../db/factories';
import { withFullStorage } from '../db/full-storage';
import { dexieClient } from './dexie-panel-client';

const START = 1_700_000_000_000;
const reviewer: Profile = { name: 'Rae Reviewer', role: 'supervisor', identities: [] };
/** The ticket's own agent: a self-assessment, which sends without the feedback checks. */
const agent: Profile = { name: 'Alex Moreno', role: 'agent', identities: [] };
const FULL = /^Not saved: this browser’s storage for QA Lens is full\. Your answers stay in this panel and are saved again automatically\./;

async function openPanel(profile: Profile) {
  const db = freshDatabase();
  const storage = withFullStorage(db);
  await seedScorecards(db, SCORECARD_TEMPLATES, START);
  await saveProfile(db, profile);
  const client = dexieClient(db, { now: START });
  // Every draft save the panel asks for, counted once it has succeeded or failed.
  const saves = { settled: 0 };
  const save = client.saveDraft;
  client.saveDraft = (draft) => save(draft).finally(() => (saves.settled += 1));
  render(<PanelApp client={client} />);
  await screen.findByRole('button', { name: /^Submit/ });
  // The automatic checks run once the panel is interactive and end by keeping the ticket's
  // Spotlight flags; after that only the reviewer's changes write the draft.
  await waitFor(async () => expect((await getTicketSnapshot(db, 'zendesk:1001'))?.spotlight).toBeDefined());
  return { db, storage, saves, client };
}

const saveStatus = () => screen.getAllByRole('status').find((s) => s.classList.contains('save-state'))!;
const radios = () => screen.getAllByRole('radiogroup').map((group) => within(group).getAllByRole('radio'));
const stored = (db: QaLensDatabase, profile = reviewer) => findDraft(db, 'zendesk:1001', profile.name);

/** Lets IndexedDB (fake-indexeddb runs on setImmediate, which the fake clock leaves alone) finish its work. */
async function settle() {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('saving a draft while the browser’s storage is full', () => {
  it('says so in the status line, keeps the answers on screen, and Retry save stores every one once there is room', async () => {
    const { db, storage, saves } = await openPanel(reviewer);
    storage.full = true;
    fireEvent.click(radios()[0]![0]!);
    await waitFor(() => expect(saveStatus().textContent).toMatch(FULL));
    fireEvent.click(radios()[1]![0]!);
    await waitFor(() => expect(saves.settled).toBe(2));

    expect(saveStatus().textContent).toContain('Settings → Privacy → Retention');
    expect((radios()[0]![0] as HTMLInputElement).checked).toBe(true);
    expect((radios()[1]![0] as HTMLInputElement).checked).toBe(true);
    expect(await stored(db)).toBeUndefined();

    storage.full = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry save' }));
    await waitFor(() => expect(saveStatus().textContent).toBe('Draft saved'));
    expect(screen.queryByRole('button', { name: 'Retry save' })).toBeNull();
    expect(Object.values((await stored(db))!.answers).filter((a) => a.optionId)).toHaveLength(2);
  });

  it('the next change saves the kept draft with it, without waiting for the retry', async () => {
    const { db, storage } = await openPanel(reviewer);
    storage.full = true;
    fireEvent.click(radios()[0]![0]!);
    await waitFor(() => expect(saveStatus().textContent).toMatch(FULL));
    storage.full = false;
    fireEvent.input(screen.getByRole('textbox', { name: 'Strengths' }), { target: { value: 'Thanked Dana for waiting.' } });
    await waitFor(() => expect(saveStatus().textContent).toBe('Draft saved'));
    const draft = (await stored(db))!;
    expect(draft.strengths).toBe('Thanked Dana for waiting.');
    expect(Object.values(draft.answers).filter((a) => a.optionId)).toHaveLength(1);
  });

  it('a save that fails after a newer one succeeded neither reports an error nor is saved again over the newer draft', async () => {
    const { db, client, saves } = await openPanel(reviewer);
    // The first save hangs until the test fails it; later ones reach the database.
    let failFirst: (error: unknown) => void = () => {};
    const save = client.saveDraft;
    let calls = 0;
    client.saveDraft = (draft) =>
      ++calls === 1 ? new Promise<never>((_, reject) => (failFirst = reject)).finally(() => (saves.settled += 1)) : save(draft);
    fireEvent.click(radios()[0]![0]!);
    await waitFor(() => expect(calls).toBe(1));
    fireEvent.click(radios()[1]![0]!);
    await waitFor(() => expect(saveStatus().textContent).toBe('Draft saved'));

    failFirst(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await waitFor(() => expect(saves.settled).toBe(2));
    expect(saveStatus().textContent).toBe('Draft saved');
    expect(screen.queryByRole('button', { name: 'Retry save' })).toBeNull();
    expect(Object.values((await stored(db))!.answers).filter((a) => a.optionId)).toHaveLength(2);
  });

  it('tries again by itself after 1 s, 2 s, 5 s, 10 s, then every 30 s, and saves once there is room', async () => {
    const { db, storage, saves } = await openPanel(reviewer);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      storage.full = true;
      fireEvent.click(radios()[0]![0]!);
      await vi.advanceTimersByTimeAsync(300); // the autosave delay
      await settle();
      expect(saves.settled).toBe(1);
      expect(saveStatus().textContent).toMatch(FULL);

      const attemptsAfter = async (ms: number) => {
        await vi.advanceTimersByTimeAsync(ms);
        await settle();
        return saves.settled;
      };
      expect(await attemptsAfter(999)).toBe(1);
      expect(await attemptsAfter(1)).toBe(2);
      expect(await attemptsAfter(1_999)).toBe(2);
      expect(await attemptsAfter(1)).toBe(3);
      expect(await attemptsAfter(5_000)).toBe(4);
      expect(await attemptsAfter(10_000)).toBe(5);
      expect(await attemptsAfter(29_999)).toBe(5);
      expect(await attemptsAfter(1)).toBe(6);
      expect(await attemptsAfter(30_000)).toBe(7);

      storage.full = false;
      await attemptsAfter(30_000);
      expect(saveStatus().textContent).toBe('Draft saved');
      expect(Object.values((await stored(db))!.answers).filter((a) => a.optionId)).toHaveLength(1);
      // Saved: nothing more is tried.
      expect(await attemptsAfter(60_000)).toBe(8);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('submitting while the browser’s storage is full', () => {
  it('says it was not submitted and why, keeps every answer on screen and the stored draft as it was, and submits once there is room', async () => {
    const { db, storage } = await openPanel(agent);
    for (const group of radios()) fireEvent.click(group[0]!);
    await waitFor(() => expect(saveStatus().textContent).toBe('Draft saved'));
    const before = (await stored(db, agent))!;

    storage.full = true;
    fireEvent.click(screen.getByRole('button', { name: 'Submit self-assessment' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Not submitted: this browser’s storage for QA Lens is full\. Your answers stay in this panel\./);
    expect(alert.textContent).toMatch(/Then submit again\.$/);
    expect(radios().every((group) => (group[0] as HTMLInputElement).checked)).toBe(true);
    expect(await listTicketEvaluations(db, 'zendesk:1001')).toEqual([]);
    expect(await stored(db, agent)).toEqual(before);
    expect((await stored(db, agent))!.status).toBe('draft');

    storage.full = false;
    fireEvent.click(screen.getByRole('button', { name: 'Submit self-assessment' }));
    await screen.findByText(/Self-assessment submitted/);
    const [submitted] = await listTicketEvaluations(db, 'zendesk:1001');
    expect(submitted?.status).toBe('submitted');
    expect(submitted?.answers).toEqual(before.answers);
  });
});
