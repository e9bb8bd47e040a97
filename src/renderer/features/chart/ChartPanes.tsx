/**
 * The chart body: records | coding | code detail, with splitters the coder drags (or moves with
 * the arrow keys) and a code detail that collapses (button or Alt+C). Remembered per user.
 */
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { PANE_LIMITS } from '../../../shared/layout';
import { Splitter } from '../../components/Splitter';
import { isAltLetter, isModalOpen } from '../../lib/keys';
import { useLayout } from './layout-store';
import './panes.css';

export const DETAIL_TOGGLE_KEYS = 'Alt+C';

function useDetailToggleKey(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isModalOpen() || !isAltLetter(event, 'c')) return;
      event.preventDefault();
      useLayout.getState().toggleDetail();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function ChartPanes(props: { records: ReactNode; coding: ReactNode; detail: ReactNode }) {
  const layout = useLayout((s) => s.layout);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => void useLayout.getState().load(), []);
  useDetailToggleKey();

  const { recordsPct, detailPct, detailCollapsed } = layout;
  const { records, detail, codingMin } = PANE_LIMITS;
  const container = () => body.current;
  const commit = () => useLayout.getState().commit();
  const toggle = () => useLayout.getState().toggleDetail();
  const style = { '--records': `${recordsPct}%`, '--detail': `${detailPct}%` } as CSSProperties;

  return (
    <div ref={body} className={detailCollapsed ? 'chart-body detail-collapsed' : 'chart-body'} style={style}>
      <section className="records-pane" aria-label="Records">
        {props.records}
      </section>
      <Splitter
        label="Resize records and coding"
        className="splitter-records"
        value={recordsPct}
        min={records.min}
        max={Math.min(records.max, 100 - codingMin - (detailCollapsed ? 0 : detailPct))}
        valueText={`Records ${Math.round(recordsPct)}% of the width`}
        container={container}
        onChange={(position) => useLayout.getState().resize({ recordsPct: position })}
        onCommit={commit}
      />
      <section className="coding-pane" aria-label="Coding">
        {props.coding}
      </section>
      {detailCollapsed ? (
        <aside className="detail-rail" aria-label="Code detail (hidden)">
          <button type="button" className="rail-button" onClick={toggle} aria-label="Show code detail" title={`Show code detail (${DETAIL_TOGGLE_KEYS})`}>
            ‹ Code detail
          </button>
        </aside>
      ) : (
        <>
          <Splitter
            label="Resize coding and code detail"
            className="splitter-detail"
            value={100 - detailPct}
            min={Math.max(recordsPct + codingMin, 100 - detail.max)}
            max={100 - detail.min}
            valueText={`Code detail ${Math.round(detailPct)}% of the width`}
            container={container}
            onChange={(position) => useLayout.getState().resize({ detailPct: 100 - position })}
            onCommit={commit}
            onToggle={toggle}
            title="Drag, or ←/→; Enter hides the code detail"
          />
          <aside className="detail-pane" aria-label="Code detail">
            <button type="button" className="pane-hide" onClick={toggle} aria-label="Hide code detail" title={`Hide code detail (${DETAIL_TOGGLE_KEYS})`}>
              ›
            </button>
            {props.detail}
          </aside>
        </>
      )}
    </div>
  );
}
