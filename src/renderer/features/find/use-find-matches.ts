/** Matches of the find query in the open document and the chart's other documents, of every type. */
import { useMemo } from 'react';
import type { DocumentMeta } from '../../../shared/domain';
import { useChart } from '../chart/chart-store';
import { searchableText, useDocumentTexts } from '../documents/document-texts';
import { findMatches, type TextMatch } from './find';
import { useFind } from './find-store';

export function useOpenDocumentMatches(): TextMatch[] {
  const query = useFind((s) => s.query);
  const doc = useChart((s) => (s.openDocumentId ? s.documents[s.openDocumentId] : undefined));
  const pdfPages = useDocumentTexts((s) => s.pdfPages);
  const text = doc ? searchableText(doc, pdfPages) : undefined;
  return useMemo(() => (text ? findMatches(text, query) : []), [text, query]);
}

export function useOtherDocumentMatches(): { meta: DocumentMeta; count: number }[] {
  const query = useFind((s) => s.query);
  const detail = useChart((s) => s.detail);
  const documents = useChart((s) => s.documents);
  const openId = useChart((s) => s.openDocumentId);
  const pdfPages = useDocumentTexts((s) => s.pdfPages);
  return useMemo(() => {
    if (!detail || !query.trim()) return [];
    return detail.documents
      .filter((meta) => meta.id !== openId)
      .map((meta) => {
        const doc = documents[meta.id];
        const text = doc ? searchableText(doc, pdfPages) : undefined;
        return { meta, count: text ? findMatches(text, query).length : 0 };
      })
      .filter((m) => m.count > 0);
  }, [detail, documents, openId, pdfPages, query]);
}
