/** A text/html document, sanitised before it reaches the page; find marks it in place. */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useDocumentMarks } from '../find/use-document-marks';
import { sanitizeHtml } from './sanitize-html';
import './documents.css';

export function HtmlDocument({ body }: { body: string }) {
  const fragment = useMemo(() => sanitizeHtml(body), [body]);
  if (!fragment) {
    return (
      <div className="doc-notice" role="status">
        <p className="doc-notice-title">This HTML document could not be shown safely</p>
        <p>It is kept with the chart. Find in chart does not search it.</p>
      </div>
    );
  }
  return <SafeHtml fragment={fragment} />;
}

function SafeHtml({ fragment }: { fragment: DocumentFragment }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current?.replaceChildren(fragment.cloneNode(true));
  }, [fragment]);
  useDocumentMarks(ref, fragment);
  return <div ref={ref} className="doc-body doc-html" tabIndex={0} />;
}
