/** The chart's documents: kind, title, date, author; type and size when not plain text. The open one is marked current. */
import { contentTypeLabel, documentView, formatBytes } from '../../../shared/document-types';
import { DOCUMENT_KIND_LABELS } from '../../lib/labels';
import type { DocumentMeta } from '../../../shared/domain';
import { pdfKey, useDocumentTexts } from '../documents/document-texts';
import { useFind } from '../find/find-store';
import { useChart } from './chart-store';

/** "PDF · 3 pages · 1.2 MB" once the PDF has been read, "TIFF image · 4.2 KB · cannot display". */
function typeLine(d: DocumentMeta, pages: readonly string[] | 'failed' | undefined): string {
  const view = documentView(d.contentType);
  const count = Array.isArray(pages) ? ` · ${pages.length} ${pages.length === 1 ? 'page' : 'pages'}` : '';
  const tail = view === 'none' ? ' · cannot display' : pages === 'failed' ? ' · could not be displayed' : '';
  return `${contentTypeLabel(d.contentType)}${count} · ${formatBytes(d.size)}${tail}`;
}

export function DocumentList() {
  const documents = useChart((s) => s.detail?.documents ?? null);
  const chartId = useChart((s) => s.chartId);
  const openId = useChart((s) => s.openDocumentId);
  const pdfPages = useDocumentTexts((s) => s.pdfPages);
  if (!documents || !chartId) return null;

  return (
    <nav className="doc-list" aria-label="Documents">
      {documents.length === 0 ? <p className="muted">This chart has no documents.</p> : null}
      <ul>
        {documents.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className={d.id === openId ? 'doc-item current' : 'doc-item'}
              aria-current={d.id === openId ? 'true' : undefined}
              onClick={() => {
                void useChart.getState().openDocument(d.id);
                useFind.getState().setCurrent(0);
              }}
            >
              <span className="doc-kind">{DOCUMENT_KIND_LABELS[d.kind]}</span>
              <span className="doc-title">{d.title}</span>
              <span className="doc-meta">
                {d.date} · {d.author}
              </span>
              {documentView(d.contentType) === 'text' ? null : (
                <span className="doc-meta">{typeLine(d, pdfPages[pdfKey({ chartId, id: d.id })])}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
