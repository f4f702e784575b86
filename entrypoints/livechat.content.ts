import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import livechat from '@/lib/helpdesks/livechat';

export default helpdeskContentScript(livechat);
