import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import freshdesk from '@/lib/helpdesks/freshdesk';

export default helpdeskContentScript(freshdesk);
