/** Reads the text of the chart's PDFs that are not open, so find can count their matches too. */
import type { ChartDocument } from '../../../shared/domain';
import { documentView } from '../../../shared/document-types';
import { useChart } from '../chart/chart-store';
import { pdfKey, useDocumentTexts } from './document-texts';
import { extractPdfText } from './pdf-engine';

const reading = new Set<string>();

/** One PDF at a time, each once: the worker is shared with the open document. */
export async function readPdfTexts(documents: readonly ChartDocument[]): Promise<void> {
  for (const doc of documents) {
    if (documentView(doc.contentType) !== 'pdf' || !doc.dataBase64) continue;
    const key = pdfKey(doc);
    if (useDocumentTexts.getState().pdfPages[key] || reading.has(key)) continue;
    reading.add(key);
    try {
      const pages = await extractPdfText(doc.dataBase64).catch(() => 'failed' as const);
      // Not after a lock or a move to another chart: the text is PHI of a chart no longer open.
      if (useChart.getState().chartId === doc.chartId) useDocumentTexts.getState().setPdfPages(key, pages);
    } finally {
      reading.delete(key);
    }
  }
}
