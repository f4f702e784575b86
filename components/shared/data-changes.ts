import type { SyncKind } from '../../lib/schemas/sync';

/**
 * Subscribes to records arriving from the team server (kinds that changed); returns the
 * unsubscribe. Pages reload what they show; a client without team sync passes nothing.
 */
export type OnDataChanged = (listener: (kinds: SyncKind[]) => void) => () => void;
