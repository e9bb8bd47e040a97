/** The chart's documents: kind, title, date, author; type and size when not plain text. The open one is marked current. */
import { contentTypeLabel, documentView, formatBytes } from '../../../shared/document-types';
import { DOCUMENT_KIND_LABELS } from '../../lib/labels';
import { useFind } from '../find/find-store';
import { useChart } from './chart-store';

export function DocumentList() {
  const documents = useChart((s) => s.detail?.documents ?? null);
  const openId = useChart((s) => s.openDocumentId);
  if (!documents) return null;

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
                <span className="doc-meta">
                  {contentTypeLabel(d.contentType)} · {formatBytes(d.size)}
                  {documentView(d.contentType) === 'none' ? ' · cannot display' : ''}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
