/** One chart: documents on the left, code picker and coded list, then the code detail. */
import { useCallback, useEffect, useState } from 'react';
import { useRoute } from '../../app/route-store';
import { CHART_SHORTCUTS } from '../../app/shortcuts';
import { ErrorText } from '../../components/ErrorText';
import { HintLine } from '../../components/HintLine';
import { CODE_SEARCH_ID, CodePicker } from '../coding/CodePicker';
import { DiagnosisList } from '../coding/DiagnosisList';
import { FindingsPanel } from '../coding/FindingsPanel';
import { ProcedureList } from '../coding/ProcedureList';
import { useCoding } from '../coding/coding-store';
import { usePicker } from '../coding/picker-store';
import { useTitles } from '../coding/titles-store';
import { CodeDetailPanel } from '../encoder/CodeDetailPanel';
import { EncoderDialogs } from '../encoder/EncoderDialogs';
import { FindBar } from '../find/FindBar';
import { resetChartStores } from '../../lib/store-registry';
import { useSession } from '../session/session-store';
import { ChartHeader } from './ChartHeader';
import { ChartPanes } from './ChartPanes';
import { DocumentList } from './DocumentList';
import { SourceHints } from './SourceHints';
import { DocumentViewer } from './DocumentViewer';
import { HoldDialog } from './HoldDialog';
import { SubmitBlocked } from './SubmitBlocked';
import { SubmittedVersion } from './SubmittedVersion';
import { useChart } from './chart-store';
import { AuditBar } from '../audits/AuditBar';
import { QueryPanel } from '../queries/QueryPanel';
import { useQueries } from '../queries/query-store';
import { useChartActivity } from './use-chart-activity';
import { useChartShortcuts } from './use-chart-shortcuts';
import { useWorkflow } from './workflow-store';
import './chart.css';

/** `auditId`: an auditor re-codes the chart in that audit (the codes edited are the audit's). */
export function ChartScreen({ chartId, auditId = null }: { chartId: string; auditId?: string | null }) {
  const detail = useChart((s) => (s.detail?.id === chartId ? s.detail : null));
  const loading = useChart((s) => s.loading);
  const error = useChart((s) => s.error);
  const codingError = useCoding((s) => s.loadError);
  const codingNotice = useCoding((s) => s.notice);
  const role = useSession((s) => s.status?.profile?.role ?? null);
  const notice = useRoute((s) => s.notice);
  const [holdOpen, setHoldOpen] = useState(false);
  const queriesOpen = useQueries((s) => s.open);
  // Submitted charts are immutable; supervisors review but do not code.
  const readOnly = auditId === null && (detail?.status === 'submitted' || role === 'supervisor');

  useEffect(() => {
    resetChartStores();
    void useChart.getState().open(chartId);
    void useCoding.getState().load(chartId, auditId);
    void useQueries.getState().attach(chartId);
    return () => {
      void useCoding.getState().flush();
    };
  }, [chartId, auditId]);

  const codingDate = detail?.codingDate ?? null;
  useEffect(() => usePicker.getState().setDate(codingDate), [codingDate]);

  // Titles for codes saved earlier (the coding itself stores codes only).
  const coding = useCoding((s) => s.coding);
  useEffect(() => {
    const codes = [
      ...coding.diagnoses.map((d) => ({ system: 'icd10cm' as const, code: d.code })),
      ...coding.procedures.map((p) => ({ system: p.system, code: p.code })),
    ];
    if (codes.length > 0 && codingDate) void useTitles.getState().ensure(codes, codingDate);
  }, [coding, codingDate]);

  // Keyboard-first: a freshly opened chart is ready for typing codes.
  const ready = detail !== null;
  useChartActivity(chartId, ready);
  useEffect(() => {
    if (ready && !readOnly && (document.activeElement === null || document.activeElement === document.body)) {
      document.getElementById(CODE_SEARCH_ID)?.focus();
    }
  }, [ready, readOnly]);

  const back = useCallback(() => void useWorkflow.getState().back(), []);
  useChartShortcuts(chartId, { readOnly, onBack: back });

  if (!detail) {
    return (
      <main className="chart-screen" aria-label="Chart">
        {error ? (
          <div className="empty-state">
            <ErrorText message={error} />
            <button type="button" onClick={back}>
              Back to the queue
            </button>
          </div>
        ) : (
          <p className="muted viewer-empty" role="status">
            {loading ? 'Opening chart…' : ''}
          </p>
        )}
      </main>
    );
  }

  return (
    <main className="chart-screen" aria-label={`Chart ${detail.id}`}>
      {auditId ? (
        <AuditBar auditId={auditId} detail={detail} />
      ) : (
        <ChartHeader
          detail={detail}
          readOnly={readOnly}
          onBack={back}
          onHold={() => setHoldOpen(true)}
          onQueries={() => (queriesOpen ? useQueries.getState().hide() : void useQueries.getState().show(detail.id))}
        />
      )}
      {queriesOpen ? <QueryPanel canWrite={role === 'coder' || role === 'auditor'} attending={detail.source?.attending ?? ''} /> : null}
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <SubmitBlocked />
      <ChartPanes
        records={
          <>
            <div className="records-side">
              <DocumentList />
              <SourceHints />
            </div>
            <div className="viewer-column">
              <FindBar />
              <DocumentViewer />
            </div>
          </>
        }
        coding={
          <>
            {readOnly ? (
              <p className="notice">
                {detail.status === 'submitted' ? `This chart is submitted (v${detail.version}). To correct it, reopen it for correction.` : 'Your role can review but not code.'}
              </p>
            ) : (
              <CodePicker />
            )}
            <ErrorText message={codingError} />
            {codingNotice ? (
              <p className="notice warning" role="status">
                {codingNotice}
              </p>
            ) : null}
            <DiagnosisList setting={detail.setting} readOnly={readOnly} />
            <ProcedureList setting={detail.setting} readOnly={readOnly} />
              <SubmittedVersion detail={detail} />
            <FindingsPanel />
          </>
        }
        detail={<CodeDetailPanel canAdd={!readOnly} />}
      />
      <HintLine shortcuts={CHART_SHORTCUTS.filter((s) => !s.keys.startsWith('↑'))} />
      {holdOpen ? <HoldDialog chartId={detail.id} onClose={() => setHoldOpen(false)} /> : null}
      {readOnly ? null : <EncoderDialogs />}
    </main>
  );
}
