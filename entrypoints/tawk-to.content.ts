import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import tawkTo from '@/lib/helpdesks/tawk-to';

export default helpdeskContentScript(tawkTo);
