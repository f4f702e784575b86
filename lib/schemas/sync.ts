/**
 * The team-sync protocol: what the extension and the team server say to each other. Both sides
 * parse with these schemas, so they cannot drift. The protocol itself (push with client mutation
 * ids, pull by per-team revision) is described in server/PROTOCOL.md.
 */
import { z } from 'zod';
import { CalibrationSessionSchema } from './calibration';
import { CoachingPlanSchema } from './coaching';
import { RecordId, RoleSchema, Timestamp } from './common';
import { EvaluationSchema } from './evaluation';
import { AcknowledgementSchema, DisputeSchema } from './feedback';
import { KpiRecordSchema } from './kpi';
import { MonitoringPlanSchema, SampleSchema } from './monitoring';
import { HelpdeskIdentitySchema } from './profile';
import { ScorecardSchema } from './scorecard';
import { TeamSettingsSchema } from './team-settings';
import { TicketSnapshotSchema } from './ticket';

/** Limits both sides enforce; the server answers 413 or 422 past them. */
export const SYNC_LIMITS = {
  /** Bytes of one request body. */
  bodyBytes: 1024 * 1024,
  /** Mutations in one push. */
  mutationsPerPush: 500,
  /** Bytes of one record, as JSON. */
  recordBytes: 64 * 1024,
  /**
   * Bytes of one ticket snapshot, as JSON: its transcript may reach TICKET_LIMITS.transcriptBytes
   * (640 KiB) and its other fields at their limits (subject, people, URL, Spotlight flags, all in
   * characters JSON escapes to six bytes) about 75 KiB more. 768 KiB holds every bounded snapshot
   * and leaves a quarter of a request body for the envelope (tests/server/refusals.test.ts).
   */
  ticketRecordBytes: 768 * 1024,
  /** Changes in one pull page, at most. */
  changesPerPull: 500,
  /**
   * Bytes of the records in one pull page, as JSON (4 MiB), whatever their count: 500 ticket
   * snapshots at `ticketRecordBytes` would be a 375 MiB answer. A page always carries at least one
   * change, so a record bigger than the budget still arrives, alone.
   */
  pullPageBytes: 4 * 1024 * 1024,
} as const;

/** A member of a team, as the server keeps them. Written only by the server (admin CLI). */
export const MemberSchema = z.object({
  id: RecordId,
  name: z.string().trim().min(1).max(200),
  email: z.string().max(320).nullable().default(null),
  role: RoleSchema,
  /** Names and emails this member appears under in the helpdesks: "about me" matches on them. */
  identities: z.array(HelpdeskIdentitySchema).max(50).default([]),
  active: z.boolean().default(true),
});
export type Member = z.infer<typeof MemberSchema>;

/**
 * Every kind of record the team shares, with the schema of its body. Drafts never sync; ticket
 * snapshots travel only with the evaluations that cite them; members are written by the server.
 */
export const SYNC_RECORD_SCHEMAS = {
  scorecard: ScorecardSchema,
  evaluation: EvaluationSchema,
  ticket: TicketSnapshotSchema,
  acknowledgement: AcknowledgementSchema,
  dispute: DisputeSchema,
  'coaching-plan': CoachingPlanSchema,
  kpi: KpiRecordSchema,
  'team-settings': TeamSettingsSchema,
  member: MemberSchema,
  /** Monitoring plans, their samples (one record per stratum of a draw) and calibration sessions: supervisors' and admins' work, never sent to agents. */
  'monitoring-plan': MonitoringPlanSchema,
  sample: SampleSchema,
  'calibration-session': CalibrationSessionSchema,
} as const;

export const SyncKindSchema = z.enum(Object.keys(SYNC_RECORD_SCHEMAS) as [SyncKind, ...SyncKind[]]);
export type SyncKind = keyof typeof SYNC_RECORD_SCHEMAS;
export const SYNC_KINDS = SyncKindSchema.options;
export type SyncRecordOf<K extends SyncKind> = z.output<(typeof SYNC_RECORD_SCHEMAS)[K]>;

/** The one team-settings record's key. */
export const TEAM_SETTINGS_KEY = 'team';

/** The key a record syncs under: scorecard versions are `<id>@<version>`, tickets their ticket key. */
export function syncKey<K extends SyncKind>(kind: K, record: SyncRecordOf<K>): string {
  switch (kind) {
    case 'scorecard': {
      const card = record as SyncRecordOf<'scorecard'>;
      return `${card.id}@${card.version}`;
    }
    case 'ticket':
      return (record as SyncRecordOf<'ticket'>).key;
    case 'team-settings':
      return TEAM_SETTINGS_KEY;
    default:
      return (record as { id: string }).id;
  }
}

const SyncKey = z.string().min(1).max(300);

/** One local write, numbered by the client that made it. `record` is null for a delete (tombstone). */
export const MutationSchema = z.object({
  /** The client's mutation id: 1, 2, 3… per client, never reused. The server applies each at most once. */
  id: z.number().int().positive(),
  kind: SyncKindSchema,
  key: SyncKey,
  op: z.enum(['put', 'delete']),
  record: z.unknown().nullable(),
});
export type Mutation = z.infer<typeof MutationSchema>;

export const PushRequestSchema = z.object({
  clientId: z.string().uuid(),
  mutations: z.array(MutationSchema).min(1).max(SYNC_LIMITS.mutationsPerPush),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PushResponseSchema = z.object({
  /** The highest mutation id of this client the server has applied: the client drops its outbox up to it. */
  lastMutationId: z.number().int().nonnegative(),
  /** The team's revision after this push. */
  revision: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** One change since a cursor, numbered by the team's revision (server arrival order). */
export const ChangeSchema = z.object({
  revision: z.number().int().positive(),
  kind: SyncKindSchema,
  key: SyncKey,
  op: z.enum(['put', 'delete']),
  record: z.unknown().nullable(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema).max(SYNC_LIMITS.changesPerPull),
  /** Pass this as `since` next time; the revision of the last change here, or the request's own. */
  cursor: z.number().int().nonnegative(),
  /** Whether more changes wait beyond this page. */
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

export const JoinRequestSchema = z.object({
  inviteCode: z.string().trim().min(8).max(200),
  clientId: z.string().uuid(),
});
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

export const TeamSchema = z.object({ id: RecordId, name: z.string().min(1).max(200) });
export type Team = z.infer<typeof TeamSchema>;

export const JoinResponseSchema = z.object({
  /** Bearer token for every later request; the server keeps only its hash. */
  token: z.string().min(32).max(200),
  expiresAt: Timestamp,
  team: TeamSchema,
  member: MemberSchema,
});
export type JoinResponse = z.infer<typeof JoinResponseSchema>;

/** `GET /v1/me`: who the token belongs to. */
export const MeResponseSchema = z.object({ team: TeamSchema, member: MemberSchema, expiresAt: Timestamp });
export type MeResponse = z.infer<typeof MeResponseSchema>;

/** Every error answer: a sentence for the user, and the record it is about when there is one. */
export const ErrorResponseSchema = z.object({
  error: z.string(),
  /** The mutation the error is about, so the client can set that one aside and send the rest. */
  mutationId: z.number().int().positive().optional(),
  kind: SyncKindSchema.optional(),
  key: z.string().optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
