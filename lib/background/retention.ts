import { browser } from 'wxt/browser';
import { openDatabase } from '../db';
import { purgeExpired } from '../db/retention';

/** Wakes the worker once a day to delete what is past the team's retention period. */
export const RETENTION_ALARM = 'retention-purge';
const DAILY_MINUTES = 24 * 60;

/**
 * A purge at install, browser start and the daily alarm. Each batch is its own transaction, and an
 * interrupted run resumes at the next wake-up, so the worker being stopped mid-purge loses nothing.
 */
export function wireRetention(): void {
  const pass = () => void purgeExpired(openDatabase(), Date.now()).catch(console.error);
  const ensureAlarm = async () => {
    if (!(await browser.alarms.get(RETENTION_ALARM))) await browser.alarms.create(RETENTION_ALARM, { periodInMinutes: DAILY_MINUTES, delayInMinutes: 1 });
  };
  browser.runtime.onInstalled.addListener(() => void ensureAlarm().then(pass));
  browser.runtime.onStartup.addListener(() => void ensureAlarm().then(pass));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) pass();
  });
}
