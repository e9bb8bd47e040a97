/**
 * A PDF in the viewer: pdf.js draws the pages (fit width by default, − / + to zoom), with their
 * text layers for selecting text and for find-in-chart. A PDF that cannot be opened (damaged,
 * password-protected) shows why in place; the document stays listed and kept.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ChartDocument } from '../../../shared/domain';
import { useChart } from '../chart/chart-store';
import type { TextMatch } from '../find/find';
import { useFind } from '../find/find-store';
import { useOpenDocumentMatches } from '../find/use-find-matches';
import { DocumentNotice } from './DocumentNotice';
import { PAGE_SEPARATOR, pdfKey, useDocumentTexts } from './document-texts';
import { openPdf, PdfOpenError, readPage, type PDFDocumentProxy, type PdfFailure, type PdfPageText } from './pdf-engine';
import { PdfPage } from './PdfPage';
import { fitWidthScale, stepZoom, usePdfZoom } from './pdf-zoom';
import './documents.css';

type Load =
  | { status: 'loading' }
  | { status: 'failed'; reason: PdfFailure }
  | { status: 'ready'; pdf: PDFDocumentProxy; pages: PdfPageText[]; total: number };

/** Grey margin around the pages, each side (CSS px; matches .pdf-pages padding). */
const GUTTER = 12;
/** White kept either side of the text when fitting (CSS px at 100 %). */
const TEXT_MARGIN = 18;

/**
 * What "fit width" fits: the widest run of text over the pages plus a small margin, not the
 * paper. A letter page's inch margins would otherwise shrink 11 pt text to 8 px in a records
 * pane; trimmed, the same pane shows it a third larger. A page without text (a scan) fits whole.
 */
function fitSpan(pages: readonly PdfPageText[]): { left: number; width: number } {
  const spans = pages.map((p) => p.textSpan).filter((s) => s !== null);
  const widest = Math.max(0, ...pages.map((p) => p.width));
  if (spans.length === 0 || spans.length < pages.length) return { left: 0, width: widest };
  const left = Math.max(0, Math.min(...spans.map((s) => s.left)) - TEXT_MARGIN);
  const right = Math.min(widest, Math.max(...spans.map((s) => s.right)) + TEXT_MARGIN);
  return { left, width: right - left };
}

function usePdf(doc: ChartDocument): Load {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    let stopped = false;
    let pdf: PDFDocumentProxy | null = null;
    const fail = (reason: PdfFailure) => {
      if (stopped) return;
      setLoad({ status: 'failed', reason });
      if (useChart.getState().chartId === doc.chartId) useDocumentTexts.getState().setPdfPages(pdfKey(doc), 'failed');
    };
    void (async () => {
      if (!doc.dataBase64) return fail('damaged');
      try {
        pdf = await openPdf(doc.dataBase64);
        const pages: PdfPageText[] = [];
        for (let n = 1; n <= pdf.numPages && !stopped; n++) {
          // A page that cannot be read stays a blank page of its neighbour's size; the rest show.
          pages.push(await readPage(pdf, n).catch(() => blankPage(pages[pages.length - 1])));
          // The first page shows at once; the rest arrive in batches, not one render each.
          if (!stopped && (n === 1 || n % 8 === 0 || n === pdf.numPages)) {
            setLoad({ status: 'ready', pdf, pages: [...pages], total: pdf.numPages });
          }
        }
        if (!stopped && useChart.getState().chartId === doc.chartId) {
          useDocumentTexts.getState().setPdfPages(pdfKey(doc), pages.map((p) => p.text));
        }
      } catch (e) {
        fail(e instanceof PdfOpenError ? e.reason : 'damaged');
      }
    })();
    return () => {
      stopped = true;
      void pdf?.destroy();
    };
  }, [doc]);
  return load;
}

const LETTER = { width: 816, height: 1056 };

function blankPage(like: PdfPageText | undefined): PdfPageText {
  const { width, height } = like ?? LETTER;
  return { width, height, textSpan: null, content: { items: [], styles: {}, lang: null }, text: '' };
}

/** Each page's matches and where its text starts in the document's text. */
function splitByPage(pages: readonly PdfPageText[], matches: readonly TextMatch[]) {
  let offset = 0;
  let m = 0;
  return pages.map((page) => {
    const start = offset;
    const end = start + page.text.length;
    offset = end + PAGE_SEPARATOR.length;
    const first = m;
    while (m < matches.length && matches[m]!.start < end) m++;
    return { offset: start, firstIndex: first, matches: matches.slice(first, m) };
  });
}

export function PdfDocument({ doc }: { doc: ChartDocument }) {
  const load = usePdf(doc);
  const zoom = usePdfZoom((s) => s.zoom);
  const matches = useOpenDocumentMatches();
  const current = useFind((s) => s.current);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [paneWidth, setPaneWidth] = useState(0);
  const [visible, setVisible] = useState<ReadonlySet<number>>(new Set());
  const pageElements = useRef(new Map<number, HTMLElement>());
  const observer = useRef<IntersectionObserver | null>(null);
  const scrollTarget = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (!scroller) return;
    setPaneWidth(scroller.clientWidth);
    if (typeof ResizeObserver !== 'function') return;
    const resize = new ResizeObserver(() => setPaneWidth(scroller.clientWidth));
    resize.observe(scroller);
    return () => resize.disconnect();
  }, [scroller]);

  // Pages within a screen's height of the view are drawn; the others are let go.
  useEffect(() => {
    if (!scroller || typeof IntersectionObserver !== 'function') return;
    const io = new IntersectionObserver(
      (entries) =>
        setVisible((before) => {
          const next = new Set(before);
          for (const e of entries) {
            const n = Number((e.target as HTMLElement).dataset.page);
            if (e.isIntersecting) next.add(n);
            else next.delete(n);
          }
          return next;
        }),
      { root: scroller, rootMargin: '100% 0px' },
    );
    observer.current = io;
    pageElements.current.forEach((el) => io.observe(el));
    return () => {
      io.disconnect();
      observer.current = null;
    };
  }, [scroller]);

  const register = useCallback((n: number, element: HTMLElement | null) => {
    const before = pageElements.current.get(n);
    if (before && before !== element) observer.current?.unobserve(before);
    if (element) {
      pageElements.current.set(n, element);
      observer.current?.observe(element);
    } else pageElements.current.delete(n);
  }, []);

  const pages = load.status === 'ready' ? load.pages : null;
  const span = useMemo(() => fitSpan(pages ?? []), [pages]);
  const scale = zoom === 'fit' ? fitWidthScale(paneWidth - 2 * GUTTER, span.width) : zoom;

  // Fitted to the text, the page is wider than the pane: scroll its empty left margin away.
  useLayoutEffect(() => {
    if (scroller && zoom === 'fit') scroller.scrollLeft = span.left * scale;
  }, [scroller, zoom, span, scale]);
  const byPage = useMemo(() => (pages ? splitByPage(pages, matches) : []), [pages, matches]);

  // The current match: scrolled to where it is marked, or its page brought into view first.
  useEffect(() => {
    if (!scroller || matches.length === 0 || !matches[current]) return;
    const mark = scroller.querySelector<HTMLElement>(`mark[data-match="${current}"]`);
    if (mark) {
      scrollTarget.current = null;
      mark.scrollIntoView?.({ block: 'center' });
      return;
    }
    scrollTarget.current = current;
    const page = byPage.findIndex((p) => p.firstIndex <= current && current < p.firstIndex + p.matches.length);
    pageElements.current.get(page + 1)?.scrollIntoView?.({ block: 'start' });
  }, [scroller, matches, current, byPage]);

  if (load.status === 'failed') return <DocumentNotice meta={doc} pdfFailure={load.reason} />;
  if (load.status === 'loading') return <p className="muted viewer-empty">Opening PDF…</p>;

  const percent = Math.round(scale * 100);
  return (
    <>
      <div className="pdf-toolbar" role="toolbar" aria-label="PDF">
        <span className="pdf-pages-count">
          {load.total} {load.total === 1 ? 'page' : 'pages'}
          {load.pages.length < load.total ? ` (reading ${load.pages.length})` : ''}
        </span>
        <button type="button" className="icon-button" aria-label="Zoom out" onClick={() => usePdfZoom.getState().setZoom(stepZoom(scale, -1))}>
          −
        </button>
        <output className="pdf-zoom" aria-label="Zoom">
          {percent} %
        </output>
        <button type="button" className="icon-button" aria-label="Zoom in" onClick={() => usePdfZoom.getState().setZoom(stepZoom(scale, 1))}>
          +
        </button>
        <button type="button" aria-pressed={zoom === 'fit'} onClick={() => usePdfZoom.getState().setZoom('fit')}>
          Fit width
        </button>
      </div>
      <div className="pdf-pages" ref={setScroller} tabIndex={0} aria-label="PDF pages">
        {load.pages.map((info, i) => (
          <PdfPage
            key={i}
            pdf={load.pdf}
            n={i + 1}
            info={info}
            scale={scale}
            active={paneWidth > 0 && visible.has(i + 1)}
            matches={byPage[i]?.matches ?? []}
            firstIndex={byPage[i]?.firstIndex ?? 0}
            offset={byPage[i]?.offset ?? 0}
            current={current}
            scrollTarget={scrollTarget}
            register={register}
          />
        ))}
      </div>
    </>
  );
}
