/** A text/plain document as pre-wrapped text; find marks it in place. */
import { useLayoutEffect, useRef } from 'react';
import { useDocumentMarks } from '../find/use-document-marks';

export function TextDocument({ body }: { body: string }) {
  const ref = useRef<HTMLPreElement>(null);
  // The text is set here, not rendered by React, so that find's marks can split it.
  useLayoutEffect(() => {
    if (ref.current) ref.current.textContent = body;
  }, [body]);
  useDocumentMarks(ref, body);
  return <pre ref={ref} className="doc-body" tabIndex={0} />;
}
