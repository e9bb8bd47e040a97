/**
 * Search during and right after an import (issue 11, item 11): while the import writes, searches
 * answer from the old indexes; the new ones are built in a worker beside them and swapped in
 * before the import's reply, so the first search after it finds the new codes without building
 * anything, and no search ever sees an empty or half index.
 */
import { describe, expect, it } from 'vitest';
import { versionsToSearch } from '../../../src/main/services/codesets/search';
import { hasFreshWordIndex } from '../../../src/main/services/codesets/search/word-index-cache';
import type { ImportProgress } from '../../../src/shared/contract';
import { must, testApp } from '../helpers/app';
import { manyCmRows, tempDir, writeOrderFile, type Row } from './helpers';

const OLD: Row[] = manyCmRows(2000);
const NEW: Row[] = [...OLD, ['Z99', 0, 'Dependence on enabling machines'], ['Z9989', 1, 'Zebra stripe syndrome, newly added']];

describe('search while a code set is re-imported', () => {
  it('answers from the old index during the import and from the new one right after, never from none', async () => {
    const app = testApp();
    const name = 'icd10cm_order_2024.txt';
    await must(app, 'codes.import', { paths: [writeOrderFile(tempDir(), name, OLD)], allowUnverified: true });
    // A coder has searched: the app serves searches from an index.
    expect((await must(app, 'codes.search', { query: 'variant', limit: 5 })).results.length).toBeGreaterThan(0);

    const steps: string[] = [];
    app.events.on((name, payload) => {
      if (name === 'import.progress') steps.push((payload as ImportProgress).step);
    });
    const seen: { variant: number; zebra: number }[] = [];
    let done = false;
    const importing = must(app, 'codes.import', { paths: [writeOrderFile(tempDir(), name, NEW)], allowUnverified: true }).finally(() => (done = true));
    while (!done) {
      const variant = (await must(app, 'codes.search', { query: 'variant', limit: 5 })).results.length;
      const zebra = (await must(app, 'codes.search', { query: 'zebra stripe', limit: 5 })).results.length;
      seen.push({ variant, zebra });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const summary = await importing;
    expect(summary.files[0]).toMatchObject({ replaced: true, codes: NEW.length });
    expect(seen.length).toBeGreaterThan(3);
    // The screen is told when the new index is being built beside the old one.
    expect(steps.at(-1)).toBe('search');
    // During the import: the old code set, whole.
    expect(seen.every((s) => s.variant > 0 && s.zebra === 0)).toBe(true);

    // Right after: the new index is already in place (the first search builds nothing) …
    const db = app.content();
    const [version] = versionsToSearch(db, 'icd10cm');
    expect(version!.codeCount).toBe(NEW.length);
    expect(hasFreshWordIndex(db, version!)).toBe(true);
    // … and finds the new code.
    const after = await must(app, 'codes.search', { query: 'zebra stripe', limit: 5 });
    expect(after.results.map((r) => r.code)).toEqual(['Z99.89']);
  }, 60_000);

  it('builds nothing for a connection that never searched (a CLI import pays no index build)', async () => {
    const app = testApp();
    await must(app, 'codes.import', { paths: [writeOrderFile(tempDir(), 'icd10cm_order_2024.txt', OLD)], allowUnverified: true });
    const [version] = versionsToSearch(app.content(), 'icd10cm');
    expect(hasFreshWordIndex(app.content(), version!)).toBe(false);
  });
});
