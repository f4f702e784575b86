import type { TargetedEvent, TargetedSubmitEvent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { parseScorecardFile, scorecardFile } from '../../lib/options/parse-scorecard-file';
import { RoleSchema, type Profile, type Role, type Scorecard } from '../../lib/schemas';
import { PageNav } from '../shared/PageNav';
import { IdentitiesEditor } from './IdentitiesEditor';
import type { BackupClient } from './backup-client';
import { BackupSection } from './BackupSection';
import type { OptionsClient } from './options-client';
import { CHANNEL_LABELS, ScorecardEditor } from './ScorecardEditor';
import type { SitesClient } from './sites-client';
import { SitesSection } from './SitesSection';
import { TeamRulesSection } from './TeamRulesSection';
import type { TeamClient } from './team-client';
import { TeamSection } from './TeamSection';
import { AuditLogSection } from './AuditLogSection';
import type { PrivacyClient } from './privacy-client';
import { PrivacySection } from './PrivacySection';
import { SubjectRightsSection } from './SubjectRightsSection';

const ROLE_LABELS: Record<Role, string> = { supervisor: 'Supervisor', agent: 'Agent', admin: 'Admin' };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function ProfileSection({ client }: { client: OptionsClient }) {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    client.getProfile().then(setProfile, (e: unknown) => setError(`Could not load your profile: ${messageOf(e)}`));
  }, [client]);

  const change = (patch: Partial<Profile>) => {
    setProfile((p) => (p ? { ...p, ...patch } : p));
    setStatus('');
  };

  const onSubmit = async (event: TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!profile || saving) return;
    const blank = profile.identities.findIndex((identity) => identity.value.trim() === '');
    if (blank >= 0) {
      setError(`Identity ${blank + 1} has no name or email: fill it in or remove it.`);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      setProfile(await client.saveProfile(profile));
      setStatus('Profile saved.');
    } catch (e) {
      setError(`Could not save your profile: ${messageOf(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="options-section" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Your profile</h2>
      <p class="muted">Stamped on every evaluation you write.</p>
      {profile ? (
        <form onSubmit={onSubmit}>
          <div class="row">
            <label class="grow">
              <span>Your name</span>
              <input type="text" maxLength={200} autoComplete="name" value={profile.name} onInput={(e) => change({ name: e.currentTarget.value })} />
            </label>
            <label>
              <span>Role</span>
              <select value={profile.role} onChange={(e) => change({ role: e.currentTarget.value as Role })}>
                {RoleSchema.options.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <IdentitiesEditor identities={profile.identities} onChange={(identities) => change({ identities })} />
          <button type="submit" class="primary" disabled={saving}>
            Save profile
          </button>
        </form>
      ) : (
        !error && <p class="muted">Loading your profile…</p>
      )}
      <p role="status">{status}</p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}

function ScorecardSummary({ scorecard }: { scorecard: Scorecard }) {
  const criteria = scorecard.sections.reduce((n, s) => n + s.criteria.length, 0);
  const channels = scorecard.channels.map((c) => CHANNEL_LABELS[c]).join(', ');
  return (
    <p class="muted summary">
      <span>version {scorecard.version}</span>
      {' · '}
      <span>
        {criteria} {criteria === 1 ? 'criterion' : 'criteria'}
      </span>
      {' · '}
      <span>{channels ? `Default for ${channels}` : 'No default channels'}</span>
    </p>
  );
}

type Problem = { title: string; items: string[] };

function ScorecardsSection({ client }: { client: OptionsClient }) {
  const [scorecards, setScorecards] = useState<Scorecard[] | null>(null);
  /** undefined: showing the list; null: a new scorecard; else the scorecard being edited. */
  const [editing, setEditing] = useState<Scorecard | null | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [returnFocus, setReturnFocus] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const reload = async () => {
    try {
      setScorecards(await client.listScorecards());
    } catch (e) {
      setProblem({ title: 'Could not load the scorecards.', items: [messageOf(e)] });
    }
  };

  useEffect(() => {
    void reload();
  }, [client]);

  // Back on the list, put focus on the scorecard just edited, or on the heading when it is gone.
  useLayoutEffect(() => {
    if (returnFocus === null || editing !== undefined || scorecards === null) return;
    const button = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-edit]') ?? [])].find((b) => b.dataset.edit === returnFocus);
    (button ?? headingRef.current)?.focus();
    setReturnFocus(null);
  }, [returnFocus, editing, scorecards]);

  const startEditing = (scorecard: Scorecard | null) => {
    setStatus('');
    setProblem(null);
    setEditing(scorecard);
  };

  const closeEditor = (focusId: string | null) => {
    setEditing(undefined);
    setReturnFocus(focusId ?? '');
  };

  const onSaved = async (saved: Scorecard) => {
    await reload();
    setStatus(`Saved "${saved.name}" as version ${saved.version}.`);
    closeEditor(saved.id);
  };

  const exportScorecard = (scorecard: Scorecard) => {
    const file = scorecardFile(scorecard);
    client.download(file.filename, file.text);
    setStatus(`Exported "${scorecard.name}" as ${file.filename}.`);
  };

  const archive = async (scorecard: Scorecard) => {
    setBusy(true);
    setProblem(null);
    try {
      await client.archiveScorecard(scorecard.id);
      await reload();
      setStatus(`Archived "${scorecard.name}". Evaluations that used it keep it; new evaluations cannot choose it.`);
      headingRef.current?.focus();
    } catch (e) {
      setProblem({ title: `Could not archive "${scorecard.name}".`, items: [messageOf(e)] });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (event: TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setStatus('');
    setProblem(null);
    setBusy(true);
    try {
      const result = parseScorecardFile(await file.text());
      if (!result.ok) {
        setProblem({ title: `Could not import ${file.name}. Nothing was saved.`, items: result.errors });
        return;
      }
      const saved = await client.saveScorecard({ content: result.content });
      await reload();
      setStatus(`Imported "${saved.name}".`);
    } catch (e) {
      setProblem({ title: `Could not import ${file.name}.`, items: [messageOf(e)] });
    } finally {
      // Choosing the same file again (after fixing it) must fire another change.
      input.value = '';
      setBusy(false);
    }
  };

  return (
    <section class="options-section" aria-labelledby="scorecards-heading">
      <h2 id="scorecards-heading" ref={headingRef} tabIndex={-1}>
        Scorecards
      </h2>
      <p role="status">{status}</p>
      {problem && (
        <div role="alert" class="error-summary">
          <p class="error">{problem.title}</p>
          <ul>
            {problem.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </div>
      )}
      {editing !== undefined ? (
        <ScorecardEditor
          key={editing?.id ?? 'new'}
          client={client}
          scorecard={editing}
          onSaved={(saved) => void onSaved(saved)}
          onCancel={() => closeEditor(editing?.id ?? null)}
        />
      ) : (
        <div ref={listRef}>
          {scorecards === null ? (
            !problem && <p class="muted">Loading scorecards…</p>
          ) : scorecards.length === 0 ? (
            <p class="muted">No scorecards yet. Create one or import a scorecard file.</p>
          ) : (
            <ul class="scorecard-list">
              {scorecards.map((scorecard) => (
                <li key={scorecard.id}>
                  <h3>{scorecard.name}</h3>
                  <ScorecardSummary scorecard={scorecard} />
                  <div class="actions">
                    <button type="button" aria-label={`Edit ${scorecard.name}`} data-edit={scorecard.id} onClick={() => startEditing(scorecard)}>
                      Edit
                    </button>
                    <button type="button" aria-label={`Export ${scorecard.name}`} onClick={() => exportScorecard(scorecard)}>
                      Export
                    </button>
                    <button type="button" aria-label={`Archive ${scorecard.name}`} disabled={busy} onClick={() => void archive(scorecard)}>
                      Archive
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <div class="actions">
            <button type="button" class="primary" onClick={() => startEditing(null)}>
              New scorecard
            </button>
          </div>
          <div class="import">
            <h3>Import scorecard</h3>
            <label>
              <span>Import scorecard JSON</span>
              <input type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void importFile(e)} />
            </label>
            <p class="muted hint">A file exported from QA Lens. It is checked in full before anything is saved.</p>
          </div>
        </div>
      )}
    </section>
  );
}

/** The settings page: who is reviewing, the team's rules, the scorecards they review against, and backups. */
export function OptionsApp({ client, sites, backup, team, privacy }: { client: OptionsClient; sites?: SitesClient; backup?: BackupClient; team?: TeamClient; privacy?: PrivacyClient }) {
  return (
    <>
      <PageNav current="options" />
      <main class="options">
        <h1>QA Lens settings</h1>
        <ProfileSection client={client} />
        {team && <TeamSection client={team} />}
        <TeamRulesSection client={client} />
        <ScorecardsSection client={client} />
        {sites && <SitesSection client={sites} />}
        {backup && <BackupSection client={backup} />}
        {privacy && <PrivacySection client={privacy} />}
        {privacy && <SubjectRightsSection client={privacy} />}
        {privacy && <AuditLogSection client={privacy} />}
      </main>
    </>
  );
}
