import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import hubspot from '@/lib/helpdesks/hubspot';

export default helpdeskContentScript(hubspot);
