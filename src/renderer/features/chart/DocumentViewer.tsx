/** The open document, shown by its content type; find marks matches in each kind the same way. */
import { ErrorText } from '../../components/ErrorText';
import { contentTypeLabel, documentView, formatBytes } from '../../../shared/document-types';
import { DOCUMENT_KIND_LABELS } from '../../lib/labels';
import { DocumentNotice } from '../documents/DocumentNotice';
import { HtmlDocument } from '../documents/HtmlDocument';
import { PdfDocument } from '../documents/PdfDocument';
import { TextDocument } from '../documents/TextDocument';
import { useChart } from './chart-store';

export function DocumentViewer() {
  const doc = useChart((s) => (s.openDocumentId ? s.documents[s.openDocumentId] : undefined));
  const openId = useChart((s) => s.openDocumentId);
  const error = useChart((s) => s.documentError);

  if (error) return <ErrorText message={error} />;
  if (!openId) return <p className="muted viewer-empty">Choose a document.</p>;
  if (!doc) return <p className="muted viewer-empty">Opening document…</p>;

  const view = documentView(doc.contentType);
  return (
    <article className="doc-viewer" aria-label="Document">
      <header className="doc-header">
        <h2>{doc.title}</h2>
        <span className="doc-meta">
          {DOCUMENT_KIND_LABELS[doc.kind]} · {doc.date} · {doc.author}
          {view === 'text' ? '' : ` · ${contentTypeLabel(doc.contentType)}, ${formatBytes(doc.size)}`}
        </span>
      </header>
      {view === 'text' ? (
        <TextDocument key={doc.id} body={doc.body} />
      ) : view === 'html' ? (
        <HtmlDocument key={doc.id} body={doc.body} />
      ) : view === 'pdf' ? (
        <PdfDocument key={doc.id} doc={doc} />
      ) : (
        <DocumentNotice meta={doc} />
      )}
    </article>
  );
}
