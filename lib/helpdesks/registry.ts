import type { Helpdesk } from './define-helpdesk';
import zendesk from './zendesk';
import freshdesk from './freshdesk';
import zohoDesk from './zoho-desk';
import gorgias from './gorgias';
import helpScout from './help-scout';
import front from './front';
import intercom from './intercom';
import gmail from './gmail';
import hubspot from './hubspot';
import kustomer from './kustomer';
import livechat from './livechat';
import crisp from './crisp';
import salesforce from './salesforce';
import reamaze from './reamaze';
import dixa from './dixa';
import freshchat from './freshchat';
import gladly from './gladly';
import tawkTo from './tawk-to';
import outlook from './outlook';
import servicenow from './servicenow';

/**
 * Every supported helpdesk. Each also has its own content script (`entrypoints/<id>.content.ts`),
 * matched to its own hosts; the meta-test keeps the two lists in step.
 */
export const HELPDESKS: readonly Helpdesk[] = [
  zendesk,
  freshdesk,
  zohoDesk,
  gorgias,
  helpScout,
  front,
  intercom,
  gmail,
  hubspot,
  kustomer,
  livechat,
  crisp,
  salesforce,
  reamaze,
  dixa,
  freshchat,
  gladly,
  tawkTo,
  outlook,
  servicenow,
];

/** The helpdesk whose ticket this URL is, if any (adapters never claim each other's URLs). */
export function helpdeskForUrl(url: URL): { helpdesk: Helpdesk; ref: NonNullable<ReturnType<Helpdesk['ticketFromUrl']>> } | null {
  for (const helpdesk of HELPDESKS) {
    const ref = helpdesk.ticketFromUrl(url);
    if (ref) return { helpdesk, ref };
  }
  return null;
}
