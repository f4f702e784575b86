import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import reamaze from '@/lib/helpdesks/reamaze';

export default helpdeskContentScript(reamaze);
