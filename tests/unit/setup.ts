// A real IndexedDB implementation in memory: Dexie runs unchanged against it.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing';

beforeEach(() => {
  fakeBrowser.reset();
});
