import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import salesforce from '@/lib/helpdesks/salesforce';

export default helpdeskContentScript(salesforce);
