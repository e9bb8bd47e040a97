/** Matches of the find query in the open document and the chart's other documents. */
import { useMemo } from 'react';
import type { DocumentMeta } from '../../../shared/domain';
import { useChart } from '../chart/chart-store';
import { findMatches, type TextMatch } from './find';
import { useFind } from './find-store';

export function useOpenDocumentMatches(): TextMatch[] {
  const query = useFind((s) => s.query);
  const doc = useChart((s) => (s.openDocumentId ? s.documents[s.openDocumentId] : undefined));
  return useMemo(() => (doc ? findMatches(doc.body, query) : []), [doc, query]);
}

export function useOtherDocumentMatches(): { meta: DocumentMeta; count: number }[] {
  const query = useFind((s) => s.query);
  const detail = useChart((s) => s.detail);
  const documents = useChart((s) => s.documents);
  const openId = useChart((s) => s.openDocumentId);
  return useMemo(() => {
    if (!detail || !query.trim()) return [];
    return detail.documents
      .filter((meta) => meta.id !== openId)
      .map((meta) => {
        const doc = documents[meta.id];
        return { meta, count: doc ? findMatches(doc.body, query).length : 0 };
      })
      .filter((m) => m.count > 0);
  }, [detail, documents, openId, query]);
}
