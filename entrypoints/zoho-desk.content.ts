import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import zohoDesk from '@/lib/helpdesks/zoho-desk';

export default helpdeskContentScript(zohoDesk);
