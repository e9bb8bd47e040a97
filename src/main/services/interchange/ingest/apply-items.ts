/**
 * Applies what the readers yield to the workspace, in batches: each batch is one transaction
 * with its `charts.import` audit entry inside it, so a batch and its entry land together or not
 * at all. Idempotent: a chart whose source hash is unchanged, and a document whose hash is
 * unchanged, are not written (nor audited) again.
 */
import type { WorkspaceDb } from '../../db/handles';
import { transaction } from '../../db/transaction';
import { MAX_DETAIL_ARRAY } from '../../audit/trail';
import type { ChartImportProgress, ChartImportSummary } from '../../../../shared/chart-import';
import type { IncomingChart, IncomingDocument, IncomingItem } from '../incoming';
import { chartContentHash, documentHash } from './hashes';
import { mergePending, pendingHas, readPending } from './pending';
import { chartIdCandidates, chartProblem, documentProblem } from './policy';
import { chartStatus, findSource, insertChart, sourceOfChart, storedDocumentHash, updateChart, upsertDocument } from './store';
import { Tally, type ChartImportBatchAudit, type ChartOutcome, type DocumentOutcome } from './tally';

export interface ApplyOptions {
  now: () => Date;
  /** Who imported charts are assigned to (the importing profile's display name, as for the demo). */
  assignee: string;
  onProgress?: (p: ChartImportProgress) => void;
  /** Called inside each batch's transaction that wrote something; a throw rolls the batch back. */
  audit: (batch: ChartImportBatchAudit) => void;
  batchItems?: number;
  batchBytes?: number;
}

export const BATCH_ITEMS = 500;
/** Attachments can be large: a batch also ends once its documents hold this many bytes. */
export const BATCH_BYTES = 64 * 1024 * 1024;
/** Every chart id a batch wrote goes in its one audit entry, and the trail takes arrays of up to this many. */
export const MAX_CHARTS_PER_BATCH = MAX_DETAIL_ARRAY;

const docBytes = (d: IncomingDocument): number => (d.text?.length ?? 0) + (d.data?.byteLength ?? 0);
const itemBytes = (item: IncomingItem): number =>
  item.type === 'chart' ? item.chart.documents.reduce((n, d) => n + docBytes(d), 0) : item.type === 'document' ? docBytes(item.document) : 0;

/** 'fhir:Encounter/x' → 'Encounter/x': how the refusal names the encounter. */
const encounterOf = (sourceKey: string): string => sourceKey.replace(/^(fhir|hl7):/, '');

interface RunMemory {
  created: Set<string>;
  flagged: Set<string>;
}

class BatchApplier {
  readonly tally = new Tally();
  /** Charts this batch created or flagged: with earlier batches' (`seen`), each chart counts once per import. */
  readonly seen: RunMemory = { created: new Set(), flagged: new Set() };

  constructor(
    private readonly db: WorkspaceDb,
    private readonly at: string,
    private readonly assignee: string,
    private readonly before: RunMemory,
  ) {}

  apply(item: IncomingItem): void {
    if (item.type === 'refused') this.tally.refused.push(item.refusal);
    else if (item.type === 'chart') this.chart(item.chart, item);
    else this.documentItem(item);
  }

  /** A chart that is submitted, or already waits on a source change, takes no change: it is kept pending. */
  private held(chartId: string): boolean {
    return chartStatus(this.db, chartId) === 'submitted' || sourceOfChart(this.db, chartId)?.changed_after_submit_at != null;
  }

  private chart(c: IncomingChart, where: { file?: string; line?: number | null }): void {
    const refuse = (reason: string): void => {
      this.tally.refused.push({ file: where.file ?? c.sourceRef, line: where.line ?? null, reason: `${c.sourceRef}: ${reason}` });
    };
    const problem = chartProblem(c);
    if (problem) return refuse(problem);
    const hash = chartContentHash(c);
    const source = findSource(this.db, c.sourceKey);
    if (!source) {
      const candidates = chartIdCandidates(c);
      const id = candidates.find((candidate) => chartStatus(this.db, candidate) === undefined);
      if (!id) return refuse(`chart id ${candidates.at(-1)} is already used by a chart from another source; not imported`);
      insertChart(this.db, id, c, hash, this.assignee, this.at);
      this.tally.chart('created', id);
      this.seen.created.add(id);
      for (const d of c.documents) if (this.acceptable(d, where, c.sourceRef)) this.tally.document(this.document(id, d, false), id);
      return;
    }
    const id = source.chart_id;
    const held = this.held(id);
    let outcome: ChartOutcome = 'unchanged';
    if (!held) {
      if (hash !== source.content_hash) {
        updateChart(this.db, id, c, hash, this.at);
        outcome = 'updated';
      }
    } else {
      const pending = readPending(source.pending_json);
      const known = pendingHas(pending, { chartHash: hash }) || (hash === source.content_hash && !pending.chart);
      if (!known) {
        mergePending(this.db, id, source.pending_json, { chart: hash === source.content_hash ? null : c, chartHash: hash }, this.at);
        outcome = 'flagged';
      }
    }
    for (const d of c.documents) {
      if (!this.acceptable(d, where, c.sourceRef)) continue;
      const result = this.document(id, d, held);
      this.tally.document(result, id);
      if (result === 'flagged') outcome = 'flagged';
    }
    this.countChart(outcome, id);
  }

  /** A chart created earlier in this import and updated again (an HL7 A01, then its A03) counts as created only. */
  private countChart(outcome: ChartOutcome, id: string): void {
    const once = (kind: 'created' | 'flagged') => this.before[kind].has(id) || this.seen[kind].has(id);
    if (outcome === 'updated' && once('created')) return void this.tally.touched.add(id);
    if (outcome === 'unchanged' && once('created')) return;
    if (outcome !== 'flagged') return this.tally.chart(outcome, id);
    if (once('flagged')) return void this.tally.touched.add(id);
    this.seen.flagged.add(id);
    this.tally.chart('flagged', id);
  }

  private documentItem(item: Extract<IncomingItem, { type: 'document' }>): void {
    const source = findSource(this.db, item.chartSourceKey);
    if (!source) {
      this.tally.refused.push({ file: item.file, line: item.line, reason: `document for an encounter not imported: ${encounterOf(item.chartSourceKey)}` });
      return;
    }
    if (!this.acceptable(item.document, item, item.document.sourceId)) return;
    const result = this.document(source.chart_id, item.document, this.held(source.chart_id));
    this.tally.document(result, source.chart_id);
    if (result === 'flagged') this.countChart('flagged', source.chart_id);
  }

  /** A document the workspace cannot hold is refused on its own; its chart and the rest still import. */
  private acceptable(d: IncomingDocument, where: { file?: string; line?: number | null }, fallbackFile: string): boolean {
    const problem = documentProblem(d);
    if (problem) this.tally.refused.push({ file: where.file ?? fallbackFile, line: where.line ?? null, reason: `${d.sourceId}: ${problem}` });
    return problem === null;
  }

  private document(chartId: string, d: IncomingDocument, held: boolean): DocumentOutcome {
    const hash = documentHash(d);
    const stored = storedDocumentHash(this.db, chartId, d.sourceId);
    if (stored === hash) return 'unchanged';
    if (!held) {
      upsertDocument(this.db, chartId, d, hash, stored !== undefined);
      return stored === undefined ? 'created' : 'updated';
    }
    const current = sourceOfChart(this.db, chartId)?.pending_json ?? null;
    if (pendingHas(readPending(current), { documentHash: hash })) return 'unchanged';
    mergePending(this.db, chartId, current, { document: d, hash }, this.at);
    return 'flagged';
  }
}

/** Reads every item, applying them batch by batch; resolves with the counts and every refusal. */
export async function applyItems(db: WorkspaceDb, items: AsyncIterable<IncomingItem>, options: ApplyOptions): Promise<ChartImportSummary> {
  const maxItems = options.batchItems ?? BATCH_ITEMS;
  const maxBytes = options.batchBytes ?? BATCH_BYTES;
  const total = new Tally();
  const run: RunMemory = { created: new Set(), flagged: new Set() };
  let batch: IncomingItem[] = [];
  let bytes = 0;
  let itemsRead = 0;
  let batches = 0;

  const progress = () =>
    options.onProgress?.({
      itemsRead,
      chartsWritten: total.charts.created + total.charts.updated + total.charts.flagged,
      documentsWritten: total.documents.created + total.documents.updated + total.documents.flagged,
      refused: total.refused.length,
    });

  /** Applies what was read, one transaction per batch; a batch also ends at MAX_CHARTS_PER_BATCH charts written. */
  const flush = () => {
    while (batch.length > 0) {
      const items = batch;
      batch = []; // a batch that fails is not tried again
      const applied = transaction(db, () => {
        const applier = new BatchApplier(db, options.now().toISOString(), options.assignee, run);
        let used = 0;
        while (used < items.length && applier.tally.touched.size < MAX_CHARTS_PER_BATCH) applier.apply(items[used++]!);
        if (applier.tally.wrote) options.audit(applier.tally.audit(batches + 1, used));
        return { applier, used };
      });
      // Counted only once committed: a batch rolled back counts nothing.
      batch = items.slice(applied.used);
      batches += 1;
      total.add(applied.applier.tally);
      for (const id of applied.applier.seen.created) run.created.add(id);
      for (const id of applied.applier.seen.flagged) run.flagged.add(id);
      progress();
    }
    bytes = 0;
  };

  try {
    for await (const item of items) {
      itemsRead += 1;
      batch.push(item);
      bytes += itemBytes(item);
      if (batch.length >= maxItems || bytes >= maxBytes) flush();
    }
  } finally {
    // What was read before a reader failed is applied too: those resources were whole.
    flush();
  }
  return total.summary();
}
