import { request } from '../messaging/client';

/**
 * Runs a write, then asks the worker to re-plan reminders, badge and alarms, and to push the change
 * to the team in a few seconds. A worker that does not answer costs nothing but the prompt update:
 * its periodic sweep re-plans and its minute alarm syncs anyway.
 */
export async function afterWrite<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  await Promise.all([
    request('reminders/refresh', {}).catch((error: unknown) => console.warn('QA Lens: reminders not refreshed', error)),
    request('team/sync', { soon: true }).catch((error: unknown) => console.warn('QA Lens: team sync not asked for', error)),
  ]);
  return result;
}
