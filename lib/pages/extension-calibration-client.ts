import type { CalibrationClient } from '@/components/calibration/calibration-client';
import { getProfile, getScorecard, getTeamSettings, listEvaluations, listScorecards, listScorecardVersions, storedEvaluationIds, type QaLensDatabase } from '../db';
import { importCalibrationScores, listSessions, planCalibrationImport, saveSession } from '../db/calibration';
import { loadPool } from '../db/monitoring';
import { newId } from '../ids';
import { previewCsvImport } from '../imports/preview-csv-import';
import type { EvaluatedTicket } from '../schemas';
import { downloadText } from './download-text';

/** The Calibration page's window onto the extension's database. */
export function createExtensionCalibrationClient(db: QaLensDatabase): CalibrationClient {
  return {
    getProfile: () => getProfile(db),
    listSessions: () => listSessions(db),
    listScorecards: () => listScorecards(db),
    getScorecard: (id, version) => getScorecard(db, id, version),
    listEvaluations: () => listEvaluations(db),
    async knownTickets() {
      const [pool, evaluations] = await Promise.all([loadPool(db), listEvaluations(db)]);
      const tickets = new Map<string, EvaluatedTicket>();
      for (const e of evaluations) tickets.set(e.ticket.key, e.ticket);
      for (const t of pool) {
        if (!tickets.has(t.key)) tickets.set(t.key, { key: t.key, helpdesk: t.helpdesk, ticketId: t.ticketId, url: t.url, channel: t.channel, subject: '', agent: t.agent ? { name: t.agent } : null });
      }
      return [...tickets.values()].sort((a, b) => a.ticketId.localeCompare(b.ticketId, undefined, { numeric: true }));
    },
    saveSession: (session) => saveSession(db, session, Date.now()),
    async previewImport(file, session) {
      const [scorecards, { rootCauses }] = await Promise.all([listScorecardVersions(db), getTeamSettings(db)]);
      const read = await previewCsvImport('evaluations', file, { scorecards, rootCauses, now: Date.now(), newId, storedEvaluationIds: (ids) => storedEvaluationIds(db, ids) });
      if (read.kind !== 'evaluations') throw new Error('Expected evaluations.');
      const { fileError, accepted, rejected } = read.preview;
      return { fileError, rowErrors: rejected, ...planCalibrationImport(session, accepted) };
    },
    importScores: (scores) => importCalibrationScores(db, scores, Date.now()),
    download: (filename, text) => downloadText(filename, text, 'text/csv;charset=utf-8'),
    newId,
    now: () => Date.now(),
  };
}
