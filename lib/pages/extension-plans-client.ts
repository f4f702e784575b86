import type { PlansClient } from '@/components/plans/plans-client';
import { getProfile, listEvaluations, type QaLensDatabase } from '../db';
import { listCoachingPlans } from '../db/coaching';
import { drawFollowUpSample, drawPlanSample, listPlans, listSamples, loadPool, replaceSampledTicket, savePlan } from '../db/monitoring';
import { newId } from '../ids';
import { downloadText } from './download-text';

/** A 32-bit seed from the browser's cryptographic randomness. */
const newSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]!;

/** The Plans page's window onto the extension's database. */
export function createExtensionPlansClient(db: QaLensDatabase): PlansClient {
  const author = async () => {
    const { name, role } = await getProfile(db);
    return { name, role };
  };
  return {
    getProfile: () => getProfile(db),
    listPlans: () => listPlans(db),
    listSamples: () => listSamples(db),
    listEvaluations: () => listEvaluations(db),
    listCoachingPlans: () => listCoachingPlans(db),
    async knownAgents() {
      const [pool, evaluations] = await Promise.all([loadPool(db), listEvaluations(db)]);
      const names = [...pool.map((t) => t.agent), ...evaluations.map((e) => e.ticket.agent?.name)].filter((n): n is string => !!n && n.trim() !== '');
      return [...new Set(names)].sort((a, b) => a.localeCompare(b));
    },
    poolSize: async () => (await loadPool(db)).length,
    savePlan: (plan) => savePlan(db, plan, Date.now()),
    drawSample: async (planId, seed) => drawPlanSample(db, planId, { seed, by: await author(), now: Date.now() }),
    replace: async (sampleId, key, reason) => replaceSampledTicket(db, sampleId, key, { reason, by: (await author()).name, now: Date.now() }),
    drawFollowUp: async (planId, coachingPlanId, count, seed) => drawFollowUpSample(db, { planId, coachingPlanId, count, seed, by: await author(), now: Date.now() }),
    openTicket: (url) => void window.open(url, '_blank', 'noopener'),
    download: (filename, text) => downloadText(filename, text, 'text/csv;charset=utf-8'),
    newSeed,
    newId,
    now: () => Date.now(),
  };
}
