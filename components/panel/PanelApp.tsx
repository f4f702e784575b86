import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MAX_EVIDENCE_PER_ANSWER, withEvidence } from '@/lib/evaluations/evidence';
import { blindView, evaluationKindFor } from '@/lib/evaluations/self-assessment';
import { fillableFields, fillInsFromDraft, pastedFromSnapshot, withFillIns, type TicketFillIns } from '@/lib/evaluations/ticket-fill-ins';
import { pickScorecard } from '@/lib/scorecards/pick-scorecard';
import { formatNumber } from '@/lib/scoring';
import { unconfirmedAutomatic } from '@/lib/autoqa/answers';
import { ticketKey, type Evaluation, type Evidence, type Profile, type Scorecard, type SpotlightFlag, type TeamSettings, type TicketContext } from '@/lib/schemas';
import { storageFailureMessage } from '@/lib/storage/storage-errors';
import { AssignmentNotice } from './AssignmentNotice';
import { EarlierEvaluations } from './EarlierEvaluations';
import { calibrationBlindView } from '@/lib/calibration/blind';
import type { TicketAssignmentSummary } from '@/lib/db/panel-plans';
import type { CalibrationSession } from '@/lib/schemas';
import { EvaluationForm } from './EvaluationForm';
import type { PanelClient } from './panel-client';
import { SelfAssessmentComparison } from './SelfAssessmentComparison';
import { TicketHeader } from './TicketHeader';
import { TicketKpisSection } from './TicketKpisSection';
import { PasteTranscript } from './PasteTranscript';
import { SpotlightFlags } from './SpotlightFlags';
import { Transcript, type Highlight } from './Transcript';
import { useAutoQa } from './use-autoqa';
import { useEvaluationDraft } from './use-evaluation-draft';
import { useReviewTime } from './use-review-time';

/**
 * Follows the ticket shown in this panel's tab, straight from the background worker. It listens
 * before it asks which tab it is in: the content script often reports the whole ticket while the
 * panel is still loading, and that update must not fall between the answer and the subscription.
 * The worker announces every change after storing it, so an update that arrives before the answer
 * is at least as new as the answer, and wins.
 */
function useTabTicket(client: PanelClient) {
  const [ticket, setTicket] = useState<TicketContext | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let ownTabId: number | null = null;
    const early: { tabId: number; ticket: TicketContext | null }[] = [];
    const unsubscribe = client.onTicketChanged((update) => {
      if (ownTabId === null) early.push(update);
      else if (update.tabId === ownTabId) setTicket(update.ticket);
    });
    client.hello().then(
      ({ tabId, ticket: answered }) => {
        if (!live) return;
        ownTabId = tabId;
        const newer = early.filter((update) => update.tabId === tabId).at(-1);
        setTicket(newer ? newer.ticket : answered);
      },
      (error: unknown) => setFailure(String(error)),
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client]);
  return { ticket, failure };
}

export function PanelApp({ client }: { client: PanelClient }) {
  const { ticket, failure } = useTabTicket(client);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [scorecards, setScorecards] = useState<Scorecard[] | null>(null);
  const [settings, setSettings] = useState<TeamSettings | null>(null);
  useEffect(() => {
    const load = () => {
      void client.getProfile().then(setProfile);
      void client.listScorecards().then(setScorecards);
      void client.getTeamSettings().then(setSettings);
    };
    load();
    // The team's scorecards, rules and the member's identities can change on the server.
    return client.onDataChanged?.((kinds) => {
      if (kinds.some((k) => k === 'scorecard' || k === 'team-settings' || k === 'member')) load();
    });
  }, [client]);

  if (failure) return <p role="alert" class="error panel-message">QA Lens could not reach its background worker: {failure}</p>;
  if (!ticket || !profile || !scorecards || !settings) return <p class="muted panel-message">Waiting for a ticket…</p>;
  return <TicketPanel key={ticketKey(ticket)} client={client} ticket={ticket} profile={profile} scorecards={scorecards} settings={settings} />;
}

interface TicketPanelProps {
  client: PanelClient;
  ticket: TicketContext;
  profile: Profile;
  scorecards: Scorecard[];
  settings: TeamSettings;
}

/** Everything about one ticket. Keyed by ticket, so nothing of one ticket survives into the next. */
function TicketPanel({ client, ticket: read, profile, scorecards, settings }: TicketPanelProps) {
  const key = ticketKey(read);
  const [fillIns, setFillIns] = useState<TicketFillIns | null>(null);
  // What the evaluation records: the ticket as read, completed by the reviewer where reading failed.
  const ticket = withFillIns(read, fillIns ?? {});
  const meter = useReviewTime(client.now);
  const activeSeconds = useCallback(() => meter.activeSeconds(), [meter]);
  const { assignment, calibration } = usePlanContext(client, read, profile.name);
  const newKind = calibration ? 'calibration' : evaluationKindFor(ticket, profile);
  const [spotlight, setSpotlight] = useState<SpotlightFlag[] | undefined>();
  // Set while this tab submits, so its own submission is not taken for another tab's.
  const submittingHere = useRef(false);
  const [submittedElsewhere, setSubmittedElsewhere] = useState<Evaluation | null>(null);
  const { draft, loaded, saveState, saveError, update, clear, flush, reviewSeconds } = useEvaluationDraft(client, ticket, profile, {
    kind: newKind,
    activeSeconds,
    spotlight,
    calibrationSessionId: calibration?.id,
    onSubmittedElsewhere: (evaluation) => !submittingHere.current && setSubmittedElsewhere(evaluation),
  });
  const kind = draft?.kind ?? newKind;
  useEffect(() => {
    if (!loaded || fillIns !== null) return;
    let current = true;
    void client.getTicketSnapshot(key).then((snapshot) => {
      if (current) setFillIns({ ...fillInsFromDraft(draft, read), ...pastedFromSnapshot(snapshot, read) });
    });
    return () => {
      current = false;
    };
  }, [client, key, loaded, fillIns, draft, read]);
  const [chosen, setChosen] = useState<Scorecard | null>(null);
  const [pinned, setPinned] = useState<Scorecard | null>(null);
  const [earlier, setEarlier] = useState<Evaluation[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  // The moment the reviewer can start scoring; read by `npm run bench` and visible in devtools.
  useEffect(() => {
    if (loaded && performance.getEntriesByName('qa-lens:interactive').length === 0) performance.mark('qa-lens:interactive');
  }, [loaded]);

  const refreshEarlier = useCallback(() => client.listTicketEvaluations(key).then(setEarlier), [client, key]);
  useEffect(() => void refreshEarlier(), [refreshEarlier]);
  // The draft was submitted in another tab of this ticket: this tab shows the submission, as that one does.
  useEffect(() => {
    if (!submittedElsewhere) return;
    setSubmittedElsewhere(null);
    clear();
    meter.reset();
    setNotice(submittedNotice(submittedElsewhere, ' in another tab'));
    void refreshEarlier();
  }, [submittedElsewhere, clear, meter, refreshEarlier]);
  useEffect(() => client.onDataChanged?.((kinds) => kinds.includes('evaluation') && void refreshEarlier()), [client, refreshEarlier]);

  // A draft keeps scoring against the version it started with, even after the scorecard was edited.
  useEffect(() => {
    if (!draft) return setPinned(null);
    if (pinned?.id === draft.scorecardId && pinned.version === draft.scorecardVersion) return;
    const listed = scorecards.find((s) => s.id === draft.scorecardId && s.version === draft.scorecardVersion);
    if (listed) setPinned(listed);
    else void client.getScorecard(draft.scorecardId, draft.scorecardVersion).then((s) => setPinned(s ?? null));
  }, [client, draft, pinned, scorecards]);

  // A self-assessment starts on the scorecard the ticket was reviewed with (never showing the review), so the two compare.
  const reviewed = kind === 'self-assessment' ? earlier.find((e) => e.kind === 'review') : undefined;
  const sameAsReview = reviewed && scorecards.find((s) => s.id === reviewed.scorecardId);
  // Calibration compares like with like: everyone scores on the session's scorecard version.
  const sessionCard = calibration && scorecards.find((s) => s.id === calibration.scorecardId && s.version === calibration.scorecardVersion);
  const scorecard = (draft ? pinned : null) ?? chosen ?? sessionCard ?? sameAsReview ?? pickScorecard(scorecards, ticket.channel);
  // Linked criteria arrive answered by their checks, after the panel is interactive; the reviewer confirms or changes each.
  const autoQa = useAutoQa({
    client,
    ticket,
    scorecard: draft && !pinned ? null : (scorecard ?? null),
    answers: draft?.answers,
    ready: loaded,
    onSpotlight: setSpotlight,
    onAnswers: (answers) => scorecard && update(scorecard, (d) => ({ ...d, answers: { ...answers, ...d.answers } })),
  });
  const highlights = useMemo(() => {
    const byMessage = new Map<string, Highlight[]>();
    for (const h of autoQa?.highlights ?? []) {
      const id = ticket.messages[h.message]?.id;
      if (id !== undefined) byMessage.set(id, [...(byMessage.get(id) ?? []), h]);
    }
    return byMessage;
  }, [autoQa, ticket.messages]);
  if (!scorecard) {
    return (
      <main class="panel">
        <TicketHeader ticket={read} fillIns={fillIns ?? {}} onFillIn={setFillIns} onClose={() => client.close()} />
        <p>
          No scorecards yet. <button onClick={() => client.openOptions()}>Create one in Settings</button>
        </p>
      </main>
    );
  }

  const pickScorecardFor = (picked: Scorecard) => {
    setChosen(picked);
    if (draft && draft.scorecardId !== picked.id) {
      update(picked, (d) => ({ ...d, scorecardId: picked.id, scorecardVersion: picked.version, answers: {} }));
    }
  };

  const submit = async () => {
    if (!draft) throw new Error('Answer the criteria first.');
    const pending = unconfirmedAutomatic(scorecard, draft.answers);
    if (pending.length > 0) throw new Error(`Confirm or change the automatic answers first: ${pending.join(', ')}.`);
    // Write any pending autosave first, so it cannot land after (and over) the submission.
    flush();
    submittingHere.current = true;
    let submitted: Evaluation;
    try {
      // A refused submission (a full storage, say) changes nothing stored: the draft stays on screen
      // and in the database as it was, and the reviewer is told why and what to do.
      submitted = await client.submit({ ...draft, reviewSeconds: reviewSeconds() }, scorecard, ticket).catch((failure: unknown) => {
        throw new Error(storageFailureMessage(failure, 'submit'));
      });
      clear();
    } finally {
      submittingHere.current = false;
    }
    meter.reset();
    setNotice(submittedNotice(submitted));
    await refreshEarlier();
  };

  const attachEvidence = (criterionId: string, evidence: Evidence) => {
    if ((draft?.answers[criterionId]?.evidence.length ?? 0) >= MAX_EVIDENCE_PER_ANSWER) {
      setNotice(`A criterion keeps at most ${MAX_EVIDENCE_PER_ANSWER} pieces of evidence: remove one first.`);
      return;
    }
    update(scorecard, (d) => ({ ...d, answers: { ...d.answers, [criterionId]: withEvidence(d.answers[criterionId], evidence) } }));
  };
  const criteria = scorecard.sections.flatMap((section) => section.criteria.map((c) => ({ id: c.id, title: c.title })));
  const selfBlind = blindView(earlier, ticket, profile);
  const calibrationBlind = calibration ? calibrationBlindView(earlier, calibration.id, profile.name) : null;
  const blind = calibrationBlind ? { ...selfBlind, visible: calibrationBlind.visible, hidden: calibrationBlind.hidden } : selfBlind;
  const review = blind.selfAssessment && blind.visible.find((e) => e.kind === 'review');

  return (
    <main class="panel">
      <TicketHeader
        ticket={read}
        fillIns={fillIns ?? {}}
        onFillIn={(next) => {
          setFillIns(next);
          update(scorecard, (d) => d);
        }}
        onClose={() => client.close()}
      />
      <AssignmentNotice assignment={assignment} calibration={calibration} me={profile.name} />
      <SpotlightFlags flags={spotlight ?? []} />
      {kind === 'self-assessment' && (
        <p class="notice">Self-assessment of your own ticket: score it as a reviewer would. Reviews of it stay hidden until you submit.</p>
      )}
      <Transcript messages={ticket.messages} criteria={loaded ? criteria : []} onAttach={attachEvidence} highlights={highlights} />
      {fillableFields(read).transcript && fillIns !== null && !fillIns.messages?.length && (
        <PasteTranscript
          onUse={(messages) => {
            const next = { ...fillIns, messages };
            setFillIns(next);
            void client.keepTicketSnapshot(withFillIns(read, next));
          }}
        />
      )}
      {notice && (
        <p role="status" class="notice good">
          {notice}
        </p>
      )}
      {loaded ? (
        <EvaluationForm
          kind={kind}
          scorecards={scorecards}
          scorecard={scorecard}
          draft={draft}
          settings={settings}
          messages={ticket.messages}
          saveState={saveState}
          saveError={saveError}
          onRetrySave={flush}
          onPickScorecard={pickScorecardFor}
          onChange={(card, change) => {
            setNotice(null);
            update(card, change);
          }}
          onSubmit={submit}
        />
      ) : (
        <p class="muted">Loading your draft…</p>
      )}
      <TicketKpisSection client={client} ticketKey={key} agent={ticket.agent?.name ?? null} />
      {blind.selfAssessment && review && <SelfAssessmentComparison client={client} self={blind.selfAssessment} review={review} />}
      <EarlierEvaluations evaluations={blind.visible} hidden={blind.hidden} hiddenUntil={calibrationBlind ? 'calibration' : 'self-assessment'} />
      <footer class="panel-footer">
        <button type="button" onClick={() => client.openDashboard()}>
          All evaluations
        </button>
        <button type="button" onClick={() => client.openOptions()}>
          Settings
        </button>
      </footer>
    </main>
  );
}

/** "Evaluation submitted: 85%, passed.", as the submitting tab says it, and any other tab of the ticket (`where`). */
function submittedNotice(submitted: Evaluation, where = ''): string {
  const what = submitted.kind === 'self-assessment' ? 'Self-assessment' : 'Evaluation';
  return `${what} submitted${where}: ${formatNumber(submitted.score ?? 0)}%, ${submitted.passed ? 'passed' : 'not passed'}.`;
}

/**
 * The monitoring plan a ticket is sampled for and the calibration session it is scored in, and the
 * ticket noted for the sampling pool once it is fully read.
 */
function usePlanContext(client: PanelClient, ticket: TicketContext, me: string) {
  const key = ticketKey(ticket);
  const [assignment, setAssignment] = useState<TicketAssignmentSummary | null>(null);
  const [calibration, setCalibration] = useState<CalibrationSession | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void client.ticketAssignment?.(key).then((found) => current && setAssignment(found));
    void client.calibrationSession?.(key, me).then((found) => current && setCalibration(found));
    return () => {
      current = false;
    };
  }, [client, key, me]);
  useEffect(() => {
    if (ticket.complete) void client.recordSeenTicket?.(ticket);
  }, [client, ticket]);
  return { assignment, calibration };
}
