// A real IndexedDB implementation in memory: Dexie runs unchanged against it.
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';

// findBy* and waitFor poll for a condition, giving up after 1 s by default: on two cores shared
// with browser tests, a Dexie write and the re-render after it took longer, and a scorecard test
// failed twice in a full run in a fresh Debian while passing alone. They still return as soon as
// the condition holds.
configure({ asyncUtilTimeout: 5_000 });

beforeEach(() => {
  fakeBrowser.reset();
});
