/**
 * `POST /v1/push`: a batch of one client's mutations, applied in one transaction under the team's
 * row lock, each client mutation id at most once. A mutation the server refuses (malformed, too
 * big, not the member's to write) refuses the whole push, naming it; its id is then remembered as
 * refused for good, so the client sets it aside and sends the rest without leaving a gap.
 */
import { z } from 'zod';
import { MutationSchema, SYNC_KINDS, SYNC_LIMITS, SYNC_RECORD_SCHEMAS, syncKey, type Mutation, type PushResponse, type SyncKind } from '../../lib/schemas';
import type { Database, Queryable } from '../db/connection';
import { planPush } from '../domain/push-plan';
import { recordRef, visibilityOf, type RecordRef } from '../domain/visibility';
import { writeRefusal, type StoredRecord } from '../domain/write-checks';
import { ApiError, MutationRefused } from '../http/errors';
import type { Caller } from './auth';
import { TeamWriter, type ClientRow, type RecordRow, type Speculation } from './team-writer';

const PushShape = z.object({ clientId: z.string().uuid(), mutations: z.array(z.unknown()) });

const issueText = (error: z.ZodError) =>
  error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');

/** Checks the request's shape and each mutation's envelope, before any database work. */
export function readPush(body: unknown): { clientId: string; mutations: Mutation[] } {
  const shape = PushShape.safeParse(body);
  if (!shape.success) throw new ApiError(422, `This push is not in the sync format (${issueText(shape.error)}): update the extension.`);
  const { clientId, mutations: raw } = shape.data;
  if (raw.length === 0) throw new ApiError(422, 'This push carries no mutations.');
  if (raw.length > SYNC_LIMITS.mutationsPerPush) {
    throw new ApiError(422, `A push carries at most ${SYNC_LIMITS.mutationsPerPush} mutations and this one has ${raw.length}: send them in smaller batches.`);
  }
  const seen = new Set<number>();
  const mutations = raw.map((item, index) => {
    const parsed = MutationSchema.safeParse(item);
    const rough = (item ?? {}) as { id?: unknown; kind?: unknown; key?: unknown };
    const id = typeof rough.id === 'number' && Number.isSafeInteger(rough.id) && rough.id > 0 ? rough.id : null;
    if (!parsed.success) {
      const name = typeof rough.kind === 'string' ? rough.kind : '';
      const known = (SYNC_KINDS as readonly string[]).includes(name);
      const reason = known || typeof rough.kind !== 'string'
        ? `is malformed (${issueText(parsed.error)})`
        : `is a record of kind "${name}", which this team server does not know (it knows ${SYNC_KINDS.join(', ')}): update the team server or the extension`;
      if (id === null) throw new ApiError(422, `Mutation ${index + 1} of this push has no valid id: update the extension.`);
      throw new MutationRefused(422, `Mutation ${id} ${reason}.`, { mutationId: id, ...(known ? { kind: name as SyncKind } : {}), ...(typeof rough.key === 'string' ? { key: rough.key } : {}) });
    }
    if (seen.has(parsed.data.id)) throw new ApiError(422, `Mutation id ${parsed.data.id} appears twice in this push: each local change needs its own id.`);
    seen.add(parsed.data.id);
    return parsed.data;
  });
  return { clientId, mutations };
}

const named = (m: Mutation) => ({ mutationId: m.id, kind: m.kind, key: m.key });
const KB = 1024;

/** Bytes a record of this kind may take as JSON: ticket snapshots carry a bounded transcript. */
function recordLimit(kind: SyncKind): number {
  return kind === 'ticket' ? SYNC_LIMITS.ticketRecordBytes : SYNC_LIMITS.recordBytes;
}

/** A put's record parsed with its kind's schema (null for a delete), or why it is refused. */
type Judged = { record: unknown; refusal: null } | { record: null; refusal: MutationRefused };

/**
 * Judges a mutation's record on its own. Done for the whole push before the transaction, so
 * parsing is not time the team's lock is held; a refusal counts only if the mutation is applied.
 */
function judge(mutation: Mutation): Judged {
  const refuse = (status: 422, message: string): Judged => ({ record: null, refusal: new MutationRefused(status, message, named(mutation)) });
  if (mutation.op === 'delete') return { record: null, refusal: null };
  if (mutation.record === null || mutation.record === undefined) return refuse(422, `Mutation ${mutation.id} stores a ${mutation.kind} with no record in it.`);
  const bytes = Buffer.byteLength(JSON.stringify(mutation.record));
  const limit = recordLimit(mutation.kind);
  if (bytes > limit) {
    const what = mutation.kind === 'ticket' ? 'a ticket snapshot' : 'a record';
    return refuse(
      422,
      `The ${mutation.kind} ${mutation.key} (mutation ${mutation.id}) is ${Math.ceil(bytes / KB)} KB, over the ${limit / KB} KB ${what} may be: shorten it to share it with the team.`,
    );
  }
  const parsed = SYNC_RECORD_SCHEMAS[mutation.kind].safeParse(mutation.record);
  if (!parsed.success) return refuse(422, `The ${mutation.kind} ${mutation.key} (mutation ${mutation.id}) is not a valid ${mutation.kind}: ${issueText(parsed.error)}.`);
  const key = syncKey(mutation.kind, parsed.data as never);
  if (key !== mutation.key) return refuse(422, `Mutation ${mutation.id} names the ${mutation.kind} "${mutation.key}", but the record in it is "${key}".`);
  return { record: parsed.data, refusal: null };
}

/**
 * A push of one record (the common case: a browser sends each change a few seconds after it is
 * made) lets the writer gather that record's reader sources with its first read under the lock.
 */
function speculate(mutations: readonly Mutation[], judged: ReadonlyMap<Mutation, Judged>): Speculation | null {
  const [only] = mutations;
  if (mutations.length !== 1 || only!.op !== 'put') return null;
  const record = judged.get(only!)?.record;
  if (!record) return null;
  const facts = visibilityOf(only!.kind, record as never, []);
  return { ref: recordRef(only!.kind, only!.key), inherits: facts.inheritsFrom, grp: facts.group?.id ?? null, grp_owner: facts.group?.owner ?? null, follow: facts.givesTo };
}

/** The review an acknowledgement or dispute answers, as the push carries it. */
function answeredRef(mutation: Mutation): RecordRef[] {
  if (mutation.kind !== 'acknowledgement' && mutation.kind !== 'dispute') return [];
  const evaluationId = (mutation.record as { evaluationId?: unknown } | null)?.evaluationId;
  return typeof evaluationId === 'string' ? [recordRef('evaluation', evaluationId)] : [];
}

const stored = (row: RecordRow | null): StoredRecord | null => (row ? { authorId: row.author_id, deleted: row.deleted, body: row.body, about: row.about } : null);

interface Job {
  caller: Caller;
  request: { clientId: string; mutations: Mutation[] };
  judged: ReadonlyMap<Mutation, Judged>;
  now: number;
  held: (ms: number, batch: number) => void;
  done: (outcome: { response: PushResponse } | { error: unknown }) => void;
}

/** Applies one client's push with the team's lock held; throws what refuses it, before writing anything of it. */
async function applyJob(tx: Queryable, writer: TeamWriter, job: Job, client: ClientRow | undefined): Promise<number> {
  const { caller, request, judged } = job;
  if (!client) {
    await tx.query('INSERT INTO clients (team_id, client_id, member_id, created_at) VALUES ($1, $2, $3, $4)', [caller.team.id, request.clientId, caller.member.id, job.now]);
  } else if (client.memberId !== caller.member.id) {
    throw new ApiError(403, 'This browser’s sync id belongs to another member of the team, so its changes cannot be sent under your sign-in. Leave the team and join again.');
  }
  const plan = planPush(request.mutations, { lastMutationId: client?.lastMutationId ?? null, refused: client?.refused ?? [] });
  for (const mutation of plan.apply) {
    const { record, refusal: malformed } = judged.get(mutation)!;
    if (malformed) throw malformed;
    const row = await writer.get(mutation.kind, mutation.key);
    const evaluationId = (mutation.kind === 'acknowledgement' || mutation.kind === 'dispute') ? ((record ?? row?.body) as { evaluationId?: string } | null)?.evaluationId : undefined;
    const answered = evaluationId ? stored(await writer.get('evaluation', evaluationId)) : null;
    const refusal = writeRefusal({ member: caller.member, kind: mutation.kind, op: mutation.op, record, stored: stored(row), answered });
    if (refusal) throw new MutationRefused(403, refusal, named(mutation));
    if (mutation.op === 'put') await writer.put(mutation.kind, mutation.key, record as never, caller.member.id);
    else await writer.remove(mutation.kind, mutation.key);
  }
  return plan.lastMutationId;
}

/**
 * Group commit: the pushes of one team that arrive while its transaction runs wait, and then go
 * together in one transaction, so they share one lock, one round trip of reads and one commit.
 * A team's pushes run one after another anyway (its row lock); this makes each turn cheaper.
 * Only one-mutation pushes share a transaction: their refusal comes before they write anything,
 * so refusing one leaves the others whole. A longer push runs alone, and a refusal rolls it back.
 */
const MAX_BATCH = 64;
const queues = new WeakMap<Database, Map<string, Job[]>>();

function enqueue(db: Database, job: Job): void {
  const teams = queues.get(db) ?? new Map<string, Job[]>();
  queues.set(db, teams);
  const waiting = teams.get(job.caller.team.id);
  if (waiting) {
    waiting.push(job);
    return;
  }
  teams.set(job.caller.team.id, [job]);
  void drain(db, job.caller.team.id, teams);
}

async function drain(db: Database, teamId: string, teams: Map<string, Job[]>): Promise<void> {
  const waiting = teams.get(teamId)!;
  while (waiting.length > 0) {
    const batch = takeBatch(waiting);
    // runBatch settles every job itself; this only keeps a bug from leaving the team's queue stuck.
    await runBatch(db, teamId, batch).catch((error: unknown) => batch.forEach((job) => job.done({ error })));
  }
  teams.delete(teamId);
}

/** The next jobs to share a transaction: one-mutation pushes of distinct clients, in arrival order. */
function takeBatch(waiting: Job[]): Job[] {
  const shareable = (job: Job) => job.request.mutations.length === 1;
  if (!shareable(waiting[0]!)) return waiting.splice(0, 1);
  const clients = new Set<string>();
  let count = 0;
  while (count < waiting.length && count < MAX_BATCH && shareable(waiting[count]!) && !clients.has(waiting[count]!.request.clientId)) {
    clients.add(waiting[count]!.request.clientId);
    count += 1;
  }
  return waiting.splice(0, count);
}

async function runBatch(db: Database, teamId: string, batch: Job[]): Promise<void> {
  const outcomes: ({ response: PushResponse } | { error: ApiError })[] = [];
  let lockedAt = 0;
  try {
    await db.transaction(async (tx) => {
      outcomes.length = 0;
      const writer = await TeamWriter.lock(tx, teamId, Math.max(...batch.map((job) => job.now)));
      lockedAt = performance.now();
      // Everything the pushes name, read at once: the records, and the reviews their answers are about.
      const mentioned = batch.flatMap((job) => job.request.mutations.flatMap((m) => [recordRef(m.kind, m.key), ...answeredRef(m)]));
      const only = batch.length === 1 ? batch[0]! : null;
      const clients = await writer.prefetch(mentioned, batch.map((job) => job.request.clientId), only ? speculate(only.request.mutations, only.judged) : null);
      const progress: { clientId: string; lastMutationId: number }[] = [];
      for (const job of batch) {
        try {
          const lastMutationId = await applyJob(tx, writer, job, clients.get(job.request.clientId));
          progress.push({ clientId: job.request.clientId, lastMutationId });
          outcomes.push({ response: { lastMutationId, revision: writer.revision } });
        } catch (error) {
          if (batch.length > 1 && error instanceof ApiError) outcomes.push({ error });
          else throw error;
        }
      }
      await writer.finish(progress);
    });
  } catch (error) {
    for (const job of batch) {
      await remember(db, job, error);
      job.done({ error });
    }
    return;
  }
  const held = performance.now() - lockedAt;
  for (const [i, job] of batch.entries()) {
    const outcome = outcomes[i]!;
    job.held(held, batch.length);
    if ('error' in outcome) await remember(db, job, outcome.error);
    job.done(outcome);
  }
}

/** A refused mutation is remembered for good (see rememberRefusal); a failure to remember is the push's own error. */
async function remember(db: Database, job: Job, error: unknown): Promise<void> {
  if (error instanceof MutationRefused) await rememberRefusal(db, job.caller, job.request.clientId, error.mutation.mutationId, job.now).catch(() => {});
}

/** Remembers a refused mutation id, so that the client's next push passes over it. */
async function rememberRefusal(db: Database, caller: Caller, clientId: string, mutationId: number, now: number): Promise<void> {
  await db.query(
    `INSERT INTO clients (team_id, client_id, member_id, refused, created_at) VALUES ($1, $2, $3, ARRAY[$4]::bigint[], $5)
     ON CONFLICT (team_id, client_id) DO UPDATE SET refused = array_append(clients.refused, $4::bigint)
     WHERE clients.member_id = $3 AND NOT ($4::bigint = ANY(clients.refused)) AND (clients.last_mutation_id IS NULL OR clients.last_mutation_id < $4)`,
    [caller.team.id, clientId, caller.member.id, mutationId, now],
  );
}

/**
 * Applies a push. `held` hears how long the team's lock was held, to the commit, and by how many
 * pushes together: a team's turns run one after another, so that bounds the team's pushes per
 * second (the request log shows both).
 */
export async function push(db: Database, caller: Caller, body: unknown, now: number, held: (ms: number, batch: number) => void = () => {}): Promise<PushResponse> {
  const clientId = (body as { clientId?: unknown } | null)?.clientId;
  let request: { clientId: string; mutations: Mutation[] };
  try {
    request = readPush(body);
  } catch (error) {
    if (error instanceof MutationRefused && typeof clientId === 'string') await rememberRefusal(db, caller, clientId, error.mutation.mutationId, now);
    throw error;
  }
  const judged = new Map(request.mutations.map((m) => [m, judge(m)]));
  const outcome = await new Promise<{ response: PushResponse } | { error: unknown }>((done) => enqueue(db, { caller, request, judged, now, held, done }));
  if ('error' in outcome) throw outcome.error;
  return outcome.response;
}
