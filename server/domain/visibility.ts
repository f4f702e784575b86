/**
 * Who may read each kind of shared record, as one table. The server stamps every record with these
 * facts when it is written, and pulls filter on what was stamped, so a pull is one indexed query.
 *
 * - `audience`: `team` (every member: scorecards, team rules), `staff` (supervisors and admins),
 *   `restricted` (admins only: calibration evaluations, kept blind across reviewers).
 * - Besides the audience, a record's `readers` may read it: its author, the members it is `about`
 *   (by their helpdesk identities), the readers of the records it `inheritsFrom` (an
 *   acknowledgement reads with its review), the readers of records that give to it (a ticket
 *   snapshot reads with the reviews that cite it), and, for a `group`, the authors of the group's
 *   records and the author of its owner (a calibration session's reviewers and its creator).
 *
 * Adding a kind to SYNC_RECORD_SCHEMAS fails to compile until it has a rule here.
 * Pure: no database, no clock.
 */
import { isAboutMe } from '../../lib/evaluations/is-about-me';
import type { Member, Person, SyncKind, SyncRecordOf } from '../../lib/schemas';

export type Audience = 'team' | 'staff' | 'restricted';

/** A stored record, named as `kind:key`. */
export type RecordRef = string;
export const recordRef = (kind: string, key: string): RecordRef => `${kind}:${key}`;

export interface VisibilityFacts {
  audience: Audience;
  /** Ids of the members the record is about. */
  about: string[];
  inheritsFrom: RecordRef[];
  givesTo: RecordRef[];
  group: { id: string; owner: RecordRef | null } | null;
}

/** What the rules need to know of a member. */
export type MemberIdentity = Pick<Member, 'id' | 'name' | 'identities'>;

type Rule<K extends SyncKind> = (record: SyncRecordOf<K>, members: readonly MemberIdentity[]) => VisibilityFacts;

const facts = (audience: Audience, more: Partial<VisibilityFacts> = {}): VisibilityFacts => ({
  audience,
  about: [],
  inheritsFrom: [],
  givesTo: [],
  group: null,
  ...more,
});

/**
 * Members a person in a record is: the helpdesk's agent of a ticket, or (helpdesk null) someone a
 * coaching plan or KPI record names, matched against every helpdesk's identities.
 */
export function membersMatching(person: Person | null, helpdesk: string | null, members: readonly MemberIdentity[]): string[] {
  if (!person) return [];
  return members
    .filter((m) => isAboutMe(person, helpdesk ?? '', helpdesk === null ? { name: m.name, identities: m.identities.map((i) => ({ ...i, helpdesk: null })) } : m))
    .map((m) => m.id);
}

export const VISIBILITY: { [K in SyncKind]: Rule<K> } = {
  scorecard: () => facts('team'),
  'team-settings': () => facts('team'),
  evaluation: (evaluation, members) => {
    const givesTo = [recordRef('ticket', evaluation.ticket.key)];
    if (evaluation.kind !== 'calibration') {
      return facts('staff', { about: membersMatching(evaluation.ticket.agent, evaluation.ticket.helpdesk, members), givesTo });
    }
    // Calibration scores never reach the agent; with a session, each reviewer sees the others'
    // scores of a ticket only once their own is in, so nobody anchors on anybody.
    if (!evaluation.calibrationSessionId) return facts('staff', { givesTo });
    const session = evaluation.calibrationSessionId;
    return facts('restricted', { givesTo, group: { id: `${session}|${evaluation.ticket.key}`, owner: recordRef('calibration-session', session) } });
  },
  // A snapshot is read by the readers of the evaluations that cite it, and by staff.
  ticket: () => facts('staff'),
  acknowledgement: (ack) => facts('staff', { inheritsFrom: [recordRef('evaluation', ack.evaluationId)] }),
  dispute: (dispute) => facts('staff', { inheritsFrom: [recordRef('evaluation', dispute.evaluationId)] }),
  'coaching-plan': (plan, members) => facts('staff', { about: membersMatching(plan.agent, null, members) }),
  kpi: (kpi, members) => facts('staff', { about: kpi.agent ? membersMatching({ name: kpi.agent, email: kpi.agent }, null, members) : [] }),
  member: (member) => facts('staff', { about: [member.id] }),
  // Plans, their samples and calibration sessions are the supervisors' working records: agents never receive them.
  'monitoring-plan': () => facts('staff'),
  sample: () => facts('staff'),
  'calibration-session': () => facts('staff'),
};

export function visibilityOf<K extends SyncKind>(kind: K, record: SyncRecordOf<K>, members: readonly MemberIdentity[]): VisibilityFacts {
  return (VISIBILITY[kind] as Rule<K>)(record, members);
}

/** Everything a record's readers are made of, gathered by the store from the records it names. */
export interface ReaderSources {
  authorId: string | null;
  about: readonly string[];
  /** Readers of each record this one inherits from. */
  inherited: readonly (readonly string[])[];
  /** Readers of each record that gives to this one. */
  given: readonly (readonly string[])[];
  /** Authors of the live records of this record's group, and the group owner's author. */
  groupAuthors: readonly string[];
  groupOwnerAuthor: string | null;
}

/** The member ids that may read a record beyond its audience, sorted so a change is easy to see. */
export function readersOf(sources: ReaderSources): string[] {
  const all = new Set<string>([...sources.about, ...sources.inherited.flat(), ...sources.given.flat(), ...sources.groupAuthors]);
  if (sources.authorId) all.add(sources.authorId);
  if (sources.groupOwnerAuthor) all.add(sources.groupOwnerAuthor);
  return [...all].sort();
}

export const sameReaders = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export type Role = Member['role'];

/** Whether a member of `role` may read a record of `audience` that does not list them. */
export function audienceAdmits(role: Role, audience: Audience): boolean {
  if (role === 'admin') return true;
  if (role === 'supervisor') return audience !== 'restricted';
  return audience === 'team';
}
