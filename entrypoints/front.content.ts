import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import front from '@/lib/helpdesks/front';

export default helpdeskContentScript(front);
