import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import helpScout from '@/lib/helpdesks/help-scout';

export default helpdeskContentScript(helpScout);
