import { request } from '../messaging/client';

/**
 * Runs a write, then asks the worker to re-plan reminders, badge and alarms. A worker that does not
 * answer costs nothing but the prompt update: its periodic sweep re-plans anyway.
 */
export async function afterWrite<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  await request('reminders/refresh', {}).catch((error: unknown) => console.warn('QA Lens: reminders not refreshed', error));
  return result;
}
