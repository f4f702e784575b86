import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import dixa from '@/lib/helpdesks/dixa';

export default helpdeskContentScript(dixa);
