import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import crisp from '@/lib/helpdesks/crisp';

export default helpdeskContentScript(crisp);
