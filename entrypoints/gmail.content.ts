import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import gmail from '@/lib/helpdesks/gmail';

export default helpdeskContentScript(gmail);
