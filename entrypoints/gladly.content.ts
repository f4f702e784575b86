import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import gladly from '@/lib/helpdesks/gladly';

export default helpdeskContentScript(gladly);
