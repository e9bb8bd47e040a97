/**
 * One FHIR JSON file: a Bundle (collection, transaction, batch or searchset) or a single resource.
 * The file is parsed whole (a bundle is one JSON value); its charts come first, then its documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../../../../shared/result';
import type { IncomingItem, IncomingReader, ReadOptions } from '../incoming';
import type { AttachmentLookup } from './attachments';
import { documentItems } from './documents';
import { encounterChart } from './encounter-chart';
import { DOCUMENT_TYPES, ExportIndex, type Origin } from './export-index';
import { arr, obj, str, type Json } from './json';
import { literalKey } from './references';

export const BUNDLE_TYPES = new Set(['collection', 'transaction', 'batch', 'searchset']);

const failure = (file: string, why: string) => new AppFailure('IMPORT_FAILED', `${path.basename(file)} ${why}.`, { file });

async function parseFile(file: string): Promise<Json> {
  let value: unknown;
  try {
    value = JSON.parse(await fs.promises.readFile(file, 'utf8'));
  } catch {
    throw failure(file, 'is not valid JSON');
  }
  const root = obj(value);
  if (!root || !str(root.resourceType)) throw failure(file, 'is JSON but not FHIR (no resourceType)');
  return root;
}

interface Entry {
  resource: Json;
  fullUrl: string | null;
  origin: Origin;
}

/** Binaries of the bundle by Type/id or fullUrl; a bundle names no files beside it. */
function bundleLookup(index: ExportIndex): AttachmentLookup {
  return {
    binary: async (url) => {
      const found = index.resources.get(url) ?? index.resources.get(literalKey(url) ?? '');
      return found?.resourceType === 'Binary' ? found : null;
    },
    file: async () => null,
  };
}

export async function* readBundle(file: string, options: ReadOptions): IncomingReader {
  const root = await parseFile(file);
  const refused = (line: number | null, reason: string): IncomingItem => ({ type: 'refused', refusal: { file, line, reason } });
  const entries: Entry[] = [];
  if (root.resourceType !== 'Bundle') {
    entries.push({ resource: root, fullUrl: null, origin: { file, line: null, entry: 'the resource' } });
  } else {
    const type = str(root.type) ?? 'none';
    if (!BUNDLE_TYPES.has(type)) {
      yield refused(null, `a Bundle of type '${type}' is not read; CodeDesk reads collection, transaction, batch and searchset bundles`);
      return;
    }
    for (const [i, value] of arr(root.entry).entries()) {
      const entry = obj(value);
      const where = `entry ${i + 1}`;
      const resource = obj(entry?.resource);
      // A transaction's DELETE entry carries no resource: there is nothing to read.
      if (!resource && str(obj(entry?.request)?.method) === 'DELETE') continue;
      if (!resource || !str(resource.resourceType)) {
        yield refused(null, `${where}: not a FHIR resource (no resourceType)`);
        continue;
      }
      entries.push({ resource, fullUrl: str(entry?.fullUrl), origin: { file, line: null, entry: where } });
    }
  }

  const index = new ExportIndex();
  for (const entry of entries) index.hold(entry.resource, entry.fullUrl, entry.origin);
  for (const held of index.encounters) {
    const outcome = encounterChart(held, index, options);
    if ('chart' in outcome) yield { type: 'chart', chart: outcome.chart };
    else yield refused(null, `${held.origin.entry}: ${outcome.reason}`);
  }
  const context = { index, options, lookup: bundleLookup(index) };
  for (const entry of entries) {
    if (DOCUMENT_TYPES.has(String(entry.resource.resourceType))) yield* documentItems(entry.resource, entry.origin, context);
  }
}
