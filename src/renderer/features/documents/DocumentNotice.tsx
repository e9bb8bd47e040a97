/** In place of a document the viewer cannot show: what it is, that it is kept, and its size. */
import type { DocumentMeta } from '../../../shared/domain';
import { contentTypeLabel, formatBytes } from '../../../shared/document-types';
import type { PdfFailure } from './pdf-engine';
import './documents.css';

const PDF_REASONS: Record<PdfFailure, string> = {
  password: 'It is password-protected.',
  damaged: 'Its content is damaged or it is not a PDF.',
};

export function DocumentNotice({ meta, pdfFailure }: { meta: DocumentMeta; pdfFailure?: PdfFailure }) {
  const label = contentTypeLabel(meta.contentType);
  return (
    <div className="doc-notice" role="status">
      <p className="doc-notice-title">{pdfFailure ? 'This PDF could not be displayed' : `CodeDesk cannot display this document (${label})`}</p>
      <p>
        {pdfFailure ? `${PDF_REASONS[pdfFailure]} ` : ''}
        It is kept with the chart: {label}, {formatBytes(meta.size)}. Find in chart does not search it.
      </p>
    </div>
  );
}
