/** The server's pure rules, as tables: which mutations a push applies, who reads a record, the rate limit. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { planPush } from '@/server/domain/push-plan';
import { audienceAdmits, membersMatching, readersOf, visibilityOf } from '@/server/domain/visibility';
import { canonical } from '@/lib/sync/canonical-json';
import { RateLimiter } from '@/server/http/rate-limit';
import { findBinDir, INSTALL_HINT } from './support/postgres';
import { acknowledgement, coachingPlan, kpi, review } from './support/records';

const ids = (...list: number[]) => list.map((id) => ({ id }));

describe('planPush', () => {
  it.each([
    ['a first push starts at its lowest id', ids(41, 42), null, [], [41, 42], 42],
    ['the next ids in order', ids(3, 4), 2, [], [3, 4], 4],
    ['duplicates are skipped', ids(1, 2, 3), 2, [], [3], 3],
    ['a retried push applies nothing', ids(1, 2), 2, [], [], 2],
    ['ids are taken in order, not array order', ids(5, 3, 4), 2, [], [3, 4, 5], 5],
    ['a gap stops the push', ids(3, 5, 6), 2, [], [3], 3],
    ['a batch that overtook an earlier one waits', ids(7, 8), 2, [], [], 2],
    ['refused ids are passed over', ids(3, 5), 2, [4], [3, 5], 5],
    ['refused ids right after the last are counted as done', ids(3), 2, [4, 5], [3], 5],
    ['a refused id sent again is not applied', ids(4, 5), 3, [4], [5], 5],
  ])('%s', (_name, mutations, last, refused, applied, after) => {
    const plan = planPush(mutations, { lastMutationId: last, refused });
    expect(plan.apply.map((m) => m.id)).toEqual(applied);
    expect(plan.lastMutationId).toBe(after);
  });
});

describe('visibility', () => {
  const members = [
    { id: 'ana', name: 'Ana Agent', identities: [{ helpdesk: null, value: 'ana@acme.test' }] },
    { id: 'bo', name: 'Bo Agent', identities: [{ helpdesk: 'freshdesk', value: 'Robert B' }] },
  ];

  it.each([
    ['a review of Ana’s ticket, by her email', review('e', { agent: 'ANA@acme.test ' }), ['ana']],
    ['a review of her ticket, by her display name', review('e', { agent: 'Ana Agent' }), ['ana']],
    ['a Zendesk ticket of "Robert B", whom Bo is on Freshdesk only', review('e', { agent: 'Robert B' }), []],
    ['a review of someone who is not a member', review('e', { agent: 'Dee' }), []],
  ])('decides whom %s is about', (_name, record, about) => {
    expect(visibilityOf('evaluation', record, members)).toMatchObject({ audience: 'staff', about, givesTo: ['ticket:zendesk:e'] });
  });

  it('matches coaching plans and KPI records on any helpdesk’s identities', () => {
    expect(visibilityOf('coaching-plan', coachingPlan('p', 'Robert B'), members).about).toEqual(['bo']);
    expect(visibilityOf('kpi', kpi('k', 'ana@acme.test'), members).about).toEqual(['ana']);
    expect(membersMatching(null, null, members)).toEqual([]);
  });

  it('keeps calibration from agents, blind by session and ticket', () => {
    expect(visibilityOf('evaluation', review('c', { agent: 'Ana Agent', kind: 'calibration' }), members)).toMatchObject({ audience: 'staff', about: [], group: null });
    expect(visibilityOf('evaluation', review('c', { agent: 'Ana Agent', kind: 'calibration', sessionId: 's1', ticketId: 't9' }), members)).toMatchObject({
      audience: 'restricted',
      about: [],
      group: { id: 's1|zendesk:t9', owner: 'calibration-session:s1' },
    });
  });

  it('lets an acknowledgement be read by its review’s readers', () => {
    expect(visibilityOf('acknowledgement', acknowledgement('a', 'ev-1', 'Ana Agent'), members)).toMatchObject({ inheritsFrom: ['evaluation:ev-1'] });
  });

  it('gathers readers from every source, once each, in order', () => {
    expect(readersOf({ authorId: 'rita', about: ['ana'], inherited: [['ana', 'sam']], given: [['bo']], groupAuthors: ['tia'], groupOwnerAuthor: 'lead' })).toEqual(['ana', 'bo', 'lead', 'rita', 'sam', 'tia']);
    expect(readersOf({ authorId: null, about: [], inherited: [], given: [], groupAuthors: [], groupOwnerAuthor: null })).toEqual([]);
  });

  it.each([
    ['admin', 'restricted', true],
    ['supervisor', 'staff', true],
    ['supervisor', 'restricted', false],
    ['agent', 'team', true],
    ['agent', 'staff', false],
  ] as const)('a %s reads %s records not listing them: %s', (role, audience, admitted) => {
    expect(audienceAdmits(role, audience)).toBe(admitted);
  });
});

it('compares records by value, whatever order jsonb gave their keys', () => {
  expect(canonical({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonical({ a: [{ c: 3, d: 2 }], b: 1 }));
});

describe('the rate limiter', () => {
  it('lets a burst through, then asks to wait as long as the refill takes', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 3 });
    expect([0, 0, 0].map(() => limiter.take('a', 1_000))).toEqual([0, 0, 0]);
    expect(limiter.take('a', 1_000)).toBe(1);
    expect(limiter.take('b', 1_000)).toBe(0);
    expect(limiter.take('a', 2_000)).toBe(0);
  });
});

it('names the install command when PostgreSQL is missing', () => {
  const empty = mkdtempSync(join(os.tmpdir(), 'qa-lens-nopg-'));
  mkdirSync(join(empty, '15', 'bin'), { recursive: true });
  expect(() => findBinDir(empty, join(empty))).toThrow(INSTALL_HINT);
  writeFileSync(join(empty, '15', 'bin', 'initdb'), '');
  expect(findBinDir('', empty)).toBe(join(empty, '15', 'bin'));
  rmSync(empty, { recursive: true, force: true });
  expect(INSTALL_HINT).toContain('apt-get install -y postgresql');
});
