import { openDatabase } from '../db';
import { buildReportRows } from '../db/report-rows';

/**
 * Builds the dashboard's report rows for evaluations stored before they existed, on install (the
 * update that added them) and on start-up (a build a stopped worker left unfinished). Each batch
 * commits on its own, so the worker being stopped loses at most the batch under way.
 */
export function wireReportRows(): void {
  const build = () => void buildReportRows(openDatabase()).catch(console.error);
  browser.runtime.onInstalled.addListener(build);
  browser.runtime.onStartup.addListener(build);
}
