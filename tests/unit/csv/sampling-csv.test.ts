import { calibrationResults } from '@/lib/calibration/session-results';
import { calibrationAnswersCsv, calibrationStatisticsCsv } from '@/lib/csv/calibration-csv';
import { samplesCsv } from '@/lib/csv/samples-csv';
import { drawSample } from '@/lib/sampling/draw-sample';
import { doneLookup } from '@/lib/sampling/progress';
import { replaceItem } from '@/lib/sampling/replace-item';
import type { CalibrationSession, Evaluation } from '@/lib/schemas';
import Papa from 'papaparse';
import { makeEvaluation, makeScorecard } from '../dashboard/factories';
import { NOW, plan, samplesOf, tickets } from '../sampling/sampling-factories';

const parse = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

describe('samples export', () => {
  it('lists every ticket with its stratum and seed, and a replacement with why and by which backup', () => {
    const p = plan({ agents: ['Ana'], channels: ['email'], quotas: [{ agent: 'Ana', channel: 'email', complexity: null, count: 2 }] });
    const [sample] = samplesOf(drawSample({ plan: p, pool: tickets(5, 'Ana'), seed: 99, now: NOW, reviewed: new Set() }));
    const out = sample!.items.find((i) => i.state === 'sampled')!;
    const replaced = replaceItem(sample!, out.key, { reason: '=HYPERLINK("x") spam', by: 'Lead', now: NOW + 1 });
    const rows = parse(samplesCsv(p, [replaced], doneLookup([]), { bom: true }));
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.seed === '99' && r.stratum === 'ana|email|*' && r.purpose === 'random')).toBe(true);
    const gone = rows.find((r) => r.ticket_ref === out.ticketId)!;
    expect(gone).toMatchObject({ state: 'replaced', replaced_reason: `'=HYPERLINK("x") spam`, done: '' });
    expect(rows.find((r) => r.replaces === out.key)).toMatchObject({ state: 'sampled', done: 'false', ticket_ref: gone.replaced_by?.split(':')[1] });
  });
});

describe('calibration export', () => {
  const card = makeScorecard();
  const session: CalibrationSession = {
    id: 'cal',
    name: 'March',
    scorecardId: card.id,
    scorecardVersion: 1,
    tickets: [{ key: 'zendesk:1001', helpdesk: 'zendesk', ticketId: '1001', url: '', channel: 'email', subject: '', agent: null }],
    participants: ['Lead', 'Rita'],
    benchmark: 'Lead',
    status: 'open',
    notes: '',
    createdBy: { name: 'Lead', role: 'supervisor' },
    createdAt: 0,
    updatedAt: 0,
  };
  const scores: Evaluation[] = ['Lead', 'Rita'].map((reviewer) => ({
    ...makeEvaluation({ id: reviewer, reviewer, ticketId: '1001', choices: reviewer === 'Rita' ? { greeting: 'no' } : {} }),
    kind: 'calibration',
    calibrationSessionId: 'cal',
  }));
  const results = calibrationResults(session, card, scores);

  it('writes one row per ticket, criterion and rater', () => {
    const rows = parse(calibrationAnswersCsv(session, results));
    expect(rows).toHaveLength(5 * 2);
    expect(rows.filter((r) => r.criterion_id === 'greeting').map((r) => [r.rater, r.benchmark, r.answer_label, r.answer_value])).toEqual([
      ['Lead', 'true', 'Yes', '1'],
      ['Rita', 'false', 'No', '0'],
    ]);
  });

  it('writes the statistics, each at its level, and the alignment with the benchmark', () => {
    const rows = parse(calibrationStatisticsCsv(session, results));
    expect(rows.find((r) => r.criterion_id === 'greeting' && r.statistic === 'percent_agreement')!.value).toBe('0');
    expect(rows.find((r) => r.criterion_id === 'tone' && r.statistic === 'krippendorff_alpha')).toMatchObject({ level: 'ordinal', value: '' });
    expect(rows.find((r) => r.scope === 'rater')).toMatchObject({ criterion: 'Rita', statistic: 'alignment_with_benchmark_percent', value: String(Math.round((100 * 5 / 6) * 10_000) / 10_000) });
  });
});
