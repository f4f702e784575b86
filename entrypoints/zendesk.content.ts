import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import zendesk from '@/lib/helpdesks/zendesk';

export default helpdeskContentScript(zendesk);
