/** What an import of hospital exports (FHIR R4, HL7 v2) answers and reports while it runs. */

/** A resource that was not imported: the file, the 1-based line (null for a bundle entry) and why. */
export interface ChartImportRefusal {
  file: string;
  line: number | null;
  reason: string;
}

export interface ChartImportSummary {
  /** Charts (encounters) new to this workspace, changed, and already as the source has them. */
  created: number;
  updated: number;
  unchanged: number;
  /** Submitted charts whose source changed: nothing applied, the chart is flagged "Source changed after submit". */
  flagged: number;
  /** Documents of flagged charts are counted `flagged`: kept waiting with the chart's source change. */
  documents: { created: number; updated: number; unchanged: number; flagged: number };
  refused: ChartImportRefusal[];
  note: string;
}

/** Pushed after each batch is committed (and once when reading ends). */
export interface ChartImportProgress {
  itemsRead: number;
  chartsWritten: number;
  documentsWritten: number;
  refused: number;
}

/** What a source change that arrived after submit would change (shown in the chart header). */
export interface PendingSourceChange {
  /** Chart fields the source now has differently, by name: 'dischargeDate', 'payer', 'facility', … */
  fields: string[];
  hintsChanged: boolean;
  documentsAdded: number;
  documentsChanged: number;
}
