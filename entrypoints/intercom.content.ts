import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import intercom from '@/lib/helpdesks/intercom';

export default helpdeskContentScript(intercom);
