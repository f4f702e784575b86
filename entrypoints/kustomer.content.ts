import { helpdeskContentScript } from '@/lib/content/helpdesk-content-script';
import kustomer from '@/lib/helpdesks/kustomer';

export default helpdeskContentScript(kustomer);
