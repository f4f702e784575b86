import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import gorgias from '@/lib/helpdesks/gorgias';

export default helpdeskContentScript(gorgias);
