import type { OnDataChanged } from '../../components/shared/data-changes';
import { subscribe } from '../messaging/client';

/** Records arriving from the team server, as the background worker announces them to open pages. */
export const onDataChanged: OnDataChanged = (listener) => subscribe('data/changed', ({ kinds }) => listener(kinds));
