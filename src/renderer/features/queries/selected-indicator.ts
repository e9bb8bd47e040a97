/** The coder's text selection in the open document, as a clinical indicator (or why it cannot be one). */
import { QUERY_LIMITS, type ClinicalIndicator } from '../../../shared/queries';
import { useChart } from '../chart/chart-store';
import { spanOf } from '../find/text-marks';

/** Reads the chart's open document and the window's selection at the moment the coder asks. */
export function selectedIndicator(selection: Selection | null = window.getSelection()): ClinicalIndicator | string {
  const { openDocumentId, documents } = useChart.getState();
  const doc = openDocumentId ? documents[openDocumentId] : undefined;
  if (!doc) return 'Open a document and select the words to cite.';
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return 'Select the words to cite in the document first.';
  const viewer = document.querySelector('article.doc-viewer');
  const root = viewer?.querySelector('.doc-body') ?? viewer;
  const span = root ? spanOf(root, selection.getRangeAt(0)) : null;
  if (!span) return 'Select the words inside the open document.';
  if (span.text.length > QUERY_LIMITS.indicatorChars) return `Select at most ${QUERY_LIMITS.indicatorChars} characters: the telling part, not the whole document.`;
  return { documentId: doc.id, documentTitle: doc.title.slice(0, QUERY_LIMITS.documentTitleChars), documentDate: doc.date.slice(0, 10), ...span };
}
