import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import servicenow from '@/lib/helpdesks/servicenow';

export default helpdeskContentScript(servicenow);
