import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import outlook from '@/lib/helpdesks/outlook';

export default helpdeskContentScript(outlook);
