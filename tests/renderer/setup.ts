/**
 * Component-test setup: unmount after each test, reset every zustand store, remove the fake
 * transport. happy-dom has no layout, so scroll containers report a fixed height for the
 * virtualized queue to render rows.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { dropLockStash } from '../../src/renderer/features/coding/coding-store';
import { setTransport } from '../../src/renderer/lib/api';
import { resetAllStores } from '../../src/renderer/lib/store-registry';

Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });

afterEach(() => {
  cleanup();
  resetAllStores();
  dropLockStash();
  setTransport(null);
  sessionStorage.clear();
});
