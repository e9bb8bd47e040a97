/** The open document as pre-wrapped text, find matches marked; the current match is scrolled into view. */
import { useEffect, useMemo, useRef } from 'react';
import { ErrorText } from '../../components/ErrorText';
import { DOCUMENT_KIND_LABELS } from '../../lib/labels';
import { splitByMatches } from '../find/find';
import { useFind } from '../find/find-store';
import { useOpenDocumentMatches } from '../find/use-find-matches';
import { useChart } from './chart-store';

export function DocumentViewer() {
  const doc = useChart((s) => (s.openDocumentId ? s.documents[s.openDocumentId] : undefined));
  const openId = useChart((s) => s.openDocumentId);
  const error = useChart((s) => s.documentError);
  const current = useFind((s) => s.current);
  const matches = useOpenDocumentMatches();
  const segments = useMemo(() => (doc ? splitByMatches(doc.body, matches) : []), [doc, matches]);
  const currentRef = useRef<HTMLElement>(null);

  useEffect(() => {
    currentRef.current?.scrollIntoView?.({ block: 'center' });
  }, [current, matches]);

  if (error) return <ErrorText message={error} />;
  if (!openId) return <p className="muted viewer-empty">Choose a document.</p>;
  if (!doc) return <p className="muted viewer-empty">Opening document…</p>;

  return (
    <article className="doc-viewer" aria-label="Document">
      <header className="doc-header">
        <h2>{doc.title}</h2>
        <span className="doc-meta">
          {DOCUMENT_KIND_LABELS[doc.kind]} · {doc.date} · {doc.author}
        </span>
      </header>
      <pre className="doc-body" tabIndex={0}>
        {segments.map((segment, i) =>
          segment.match === null ? (
            segment.text
          ) : (
            <mark
              key={i}
              ref={segment.match === current ? currentRef : undefined}
              className={segment.match === current ? 'current' : undefined}
              aria-current={segment.match === current ? 'true' : undefined}
            >
              {segment.text}
            </mark>
          ),
        )}
      </pre>
    </article>
  );
}
