/**
 * What find-in-chart searches in each document, whatever its type: the text for text/plain, the
 * text of the sanitised DOM for HTML, the pages' text layers for a PDF (read by pdf.js, so known
 * only once read: kept here, PHI, emptied on lock and on the next chart).
 */
import { create } from 'zustand';
import type { ChartDocument } from '../../../shared/domain';
import { documentView } from '../../../shared/document-types';
import { registerChartReset, registerStoreReset } from '../../lib/store-registry';
import { textOf } from '../find/text-marks';
import { sanitizeHtml } from './sanitize-html';

interface DocumentTexts {
  /** Each read PDF's page texts by pdfKey; 'failed' when it could not be opened. */
  pdfPages: Record<string, readonly string[] | 'failed'>;
  setPdfPages(key: string, pages: readonly string[] | 'failed'): void;
}

export const useDocumentTexts = create<DocumentTexts>()((set, get) => ({
  pdfPages: {},
  setPdfPages: (key, pages) => set({ pdfPages: { ...get().pdfPages, [key]: pages } }),
}));

const reset = () => useDocumentTexts.setState({ pdfPages: {} });
registerStoreReset(reset, { holdsPhi: true });
registerChartReset(reset);

/** Document ids are unique within a chart only; a late read of the last chart's PDF lands apart. */
export const pdfKey = (doc: Pick<ChartDocument, 'chartId' | 'id'>): string => `${doc.chartId}/${doc.id}`;

/** Pages are joined by a line break: a match never runs from one page onto the next. */
export const PAGE_SEPARATOR = '\n';

const htmlTexts = new WeakMap<ChartDocument, string>();

/** The searchable text of a fetched document; undefined for a PDF not read yet. */
export function searchableText(doc: ChartDocument, pdfPages: DocumentTexts['pdfPages']): string | undefined {
  switch (documentView(doc.contentType)) {
    case 'text':
      return doc.body;
    case 'html': {
      let text = htmlTexts.get(doc);
      if (text === undefined) {
        const safe = sanitizeHtml(doc.body);
        htmlTexts.set(doc, (text = safe ? textOf(safe) : ''));
      }
      return text;
    }
    case 'pdf': {
      const pages = pdfPages[pdfKey(doc)];
      if (pages === 'failed') return '';
      return pages?.join(PAGE_SEPARATOR);
    }
    case 'none':
      return '';
  }
}
