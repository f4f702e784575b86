import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import freshchat from '@/lib/helpdesks/freshchat';

export default helpdeskContentScript(freshchat);
