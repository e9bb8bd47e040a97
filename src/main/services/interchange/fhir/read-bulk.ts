/**
 * A FHIR Bulk Data export (NDJSON files, one resource type each) in two passes: first every file
 * of the small resource types is indexed and one chart is yielded per Encounter; then the
 * document files are streamed, one item per attachment, so the notes are never all in memory.
 */
import path from 'node:path';
import { AppFailure } from '../../../../shared/result';
import type { IncomingItem, IncomingReader, ReadOptions } from '../incoming';
import type { AttachmentLookup } from './attachments';
import { documentItems, type DocumentContext } from './documents';
import { encounterChart } from './encounter-chart';
import { DOCUMENT_TYPES, ExportIndex, HINT_TYPES, INDEXED_TYPES, type Origin } from './export-index';
import { resolveInside, type ExportFiles } from './export-files';
import { obj, str, type Json } from './json';
import { ndjsonLines } from './ndjson-lines';
import { literalKey } from './references';

/** The bulk-data client's own log of the export (kickoff, status events): not resources. */
const EXPORT_LOG = 'log.ndjson';

/** The resource type a bulk file's name gives (`Encounter.000.ndjson`, `1.Encounter.ndjson`), or null. */
export function typeFromName(name: string): string | null {
  const base = path.posix.basename(name);
  return /(?:^|[._-])([A-Z][A-Za-z]+)(?=[._-])/.exec(base)?.[1] ?? null;
}

type ParsedLine = { resource: Json } | { reason: string } | null;

function parseLine(text: string): ParsedLine {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { reason: 'the line is not valid JSON' };
  }
  const resource = obj(value);
  if (!resource || !str(resource.resourceType)) return { reason: 'the line is not a FHIR resource (no resourceType)' };
  return { resource };
}

/** Each parsed line of one file, or the refusal of a line that is not a resource. */
async function* resourcesOf(files: ExportFiles, name: string): AsyncGenerator<{ resource: Json; origin: Origin } | IncomingItem> {
  const file = files.display(name);
  try {
    for await (const line of ndjsonLines(await files.open(name))) {
      const parsed = parseLine(line.text);
      const origin = { file, line: line.number, entry: '' };
      if (parsed && 'reason' in parsed) yield { type: 'refused', refusal: { file, line: line.number, reason: parsed.reason } };
      else if (parsed) yield { resource: parsed.resource, origin };
    }
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure('IMPORT_FAILED', `${path.basename(file)} could not be read to its end (damaged file or zip member).`, { file });
  }
}

const isItem = (value: { resource: Json } | IncomingItem): value is IncomingItem => 'type' in value;

/** Binaries are found again by re-reading their line when an attachment names one (rare in bulk exports). */
function bulkLookup(files: ExportFiles, binaries: Map<string, { name: string; line: number }>): AttachmentLookup {
  const nameOf = new Map(files.ndjson.map((name) => [files.display(name), name]));
  return {
    binary: async (url) => {
      const at = binaries.get(literalKey(url) ?? url);
      if (!at) return null;
      for await (const line of ndjsonLines(await files.open(at.name))) {
        if (line.number !== at.line) continue;
        const parsed = parseLine(line.text);
        return parsed && 'resource' in parsed ? parsed.resource : null;
      }
      return null;
    },
    file: async (relative, from, maxBytes) => {
      const name = resolveInside(relative, nameOf.get(from) ?? '');
      return name ? files.read(name, maxBytes) : null;
    },
  };
}

export async function* readBulk(files: ExportFiles, options: ReadOptions): IncomingReader {
  const index = new ExportIndex();
  const binaries = new Map<string, { name: string; line: number }>();
  const documentFiles = new Set<string>();
  for (const name of files.ndjson) {
    if (path.posix.basename(name).toLowerCase() === EXPORT_LOG) continue;
    const type = typeFromName(name);
    if (type && DOCUMENT_TYPES.has(type)) {
      documentFiles.add(name);
      continue;
    }
    // A file named for a type the reader does not use (Immunization, Observation…) is not opened.
    if (type && !INDEXED_TYPES.has(type) && !HINT_TYPES.has(type)) continue;
    for await (const read of resourcesOf(files, name)) {
      if (isItem(read)) {
        yield read;
        continue;
      }
      const { resource, origin } = read;
      const resourceType = str(resource.resourceType)!;
      if (DOCUMENT_TYPES.has(resourceType)) documentFiles.add(name);
      else if (resourceType === 'Binary' && str(resource.id)) binaries.set(`Binary/${String(resource.id)}`, { name, line: origin.line! });
      else index.hold(resource, null, origin);
    }
  }

  for (const held of index.encounters) {
    const outcome = encounterChart(held, index, options);
    if ('chart' in outcome) yield { type: 'chart', chart: outcome.chart };
    else yield { type: 'refused', refusal: { file: held.origin.file, line: held.origin.line, reason: outcome.reason } };
  }

  const context: DocumentContext = { index, options, lookup: bulkLookup(files, binaries) };
  for (const name of documentFiles) {
    // A file read in the first pass already had its bad lines refused there.
    const namedForDocuments = DOCUMENT_TYPES.has(typeFromName(name) ?? '');
    for await (const read of resourcesOf(files, name)) {
      if (isItem(read)) {
        if (namedForDocuments) yield read;
      } else if (DOCUMENT_TYPES.has(str(read.resource.resourceType) ?? '')) {
        yield* documentItems(read.resource, read.origin, context);
      }
    }
  }
}
