/** A text/html document, sanitised before it reaches the page; find marks it in place. */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useDocumentMarks } from '../find/use-document-marks';
import { sanitizeHtml } from './sanitize-html';
import './documents.css';

export function HtmlDocument({ body }: { body: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const fragment = useMemo(() => sanitizeHtml(body), [body]);
  useLayoutEffect(() => {
    ref.current?.replaceChildren(fragment.cloneNode(true));
  }, [fragment]);
  useDocumentMarks(ref, fragment);
  return <div ref={ref} className="doc-body doc-html" tabIndex={0} />;
}
