/**
 * One PDF page: a placeholder of the page's size always (so the scroll bar is true), the canvas
 * and text layer only while the page is in or near view (a 500-page PDF holds a few canvases,
 * not 500). Find's matches on this page are marked on its text layer once it is drawn.
 */
import { useCallback, useEffect, useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';
import type { TextMatch } from '../find/find';
import { markMatches, setCurrentMark } from '../find/text-marks';
import { CSS_UNITS, renderPage, type PDFDocumentProxy, type PdfPageText } from './pdf-engine';

export interface PdfPageProps {
  pdf: PDFDocumentProxy;
  /** 1-based. */
  n: number;
  info: PdfPageText;
  scale: number;
  active: boolean;
  /** This page's matches, offsets in the whole document's text. */
  matches: readonly TextMatch[];
  /** Index (in the document's matches) of this page's first match. */
  firstIndex: number;
  /** Where this page's text starts in the document's text. */
  offset: number;
  current: number;
  /** The match to scroll to once it is marked (its page was not drawn yet). */
  scrollTarget: RefObject<number | null>;
  register(n: number, element: HTMLElement | null): void;
}

export function PdfPage({ pdf, n, info, scale, active, matches, firstIndex, offset, current, scrollTarget, register }: PdfPageProps) {
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const [layer, setLayer] = useState<HTMLDivElement | null>(null);
  const ref = useCallback(
    (element: HTMLDivElement | null) => {
      register(n, element);
      setHost(element);
    },
    [n, register],
  );

  useEffect(() => {
    if (!host) return;
    if (!active) {
      host.replaceChildren();
      setLayer(null);
      return;
    }
    const abort = new AbortController();
    renderPage(pdf, n, scale, info.content, abort.signal).then(
      ({ canvas, textLayer }) => {
        if (abort.signal.aborted) return;
        host.replaceChildren(canvas, textLayer);
        setLayer(textLayer);
      },
      // Cancelled, or this page's drawing failed: its placeholder stays, the others are drawn.
      () => undefined,
    );
    return () => abort.abort();
  }, [host, pdf, n, info, scale, active]);

  useLayoutEffect(() => {
    if (layer) markMatches(layer, matches, offset, firstIndex);
  }, [layer, matches, offset, firstIndex]);

  useLayoutEffect(() => {
    if (!layer) return;
    const mark = setCurrentMark(layer, current);
    if (mark && scrollTarget.current === current) {
      scrollTarget.current = null;
      mark.scrollIntoView?.({ block: 'center' });
    }
  }, [layer, matches, current, scrollTarget]);

  const style = {
    width: `${Math.floor(info.width * scale)}px`,
    height: `${Math.floor(info.height * scale)}px`,
    '--scale-factor': String(scale * CSS_UNITS),
  } as CSSProperties;

  return (
    <div
      className="pdf-page"
      role="group"
      aria-label={`Page ${n}`}
      data-page={n}
      style={style}
      ref={ref}
    />
  );
}
