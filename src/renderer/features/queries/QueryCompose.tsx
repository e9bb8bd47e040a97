/**
 * Composing a query: a compliant format, the question, the clinically supported options, and
 * clinical indicators cut from the documents. The linter's findings show as the coder writes;
 * main runs the same linter again before anything is sent.
 */
import { useState } from 'react';
import { FIXED_OPTIONS, QUERY_FORMAT_LABELS, QUERY_FORMATS, YES_NO_PURPOSE_LABELS, YES_NO_PURPOSES, type QueryFormat, type YesNoPurpose } from '../../../shared/queries';
import { lintQuery } from '../../../shared/query-lint';
import { selectedIndicator } from './selected-indicator';
import { useQueries } from './query-store';

export function QueryCompose() {
  const draft = useQueries((s) => s.draft);
  const busy = useQueries((s) => s.busy);
  const [pickError, setPickError] = useState<string | null>(null);
  if (!draft) return null;
  const store = useQueries.getState;
  const problems = lintQuery(draft);

  const addSelection = () => {
    const picked = selectedIndicator();
    if (typeof picked === 'string') return setPickError(picked);
    setPickError(null);
    store().change({ indicators: [...draft.indicators, picked] });
  };

  return (
    <form
      className="query-compose"
      aria-label="Compose query"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void store().saveAndSend();
      }}
    >
      <label className="field">
        <span>To (provider)</span>
        <input value={draft.addressedTo} onChange={(e) => store().change({ addressedTo: e.target.value })} />
      </label>
      <fieldset className="query-formats">
        <legend>Format</legend>
        {QUERY_FORMATS.map((f) => (
          <label key={f} className="option-row">
            <input
              type="radio"
              name="query-format"
              checked={draft.format === f}
              onChange={() => store().change({ format: f as QueryFormat, yesNoPurpose: f === 'yes_no' ? (draft.yesNoPurpose ?? 'confirm_documented') : null, options: f === 'multiple_choice' ? draft.options : [] })}
            />
            {QUERY_FORMAT_LABELS[f]}
          </label>
        ))}
      </fieldset>
      {draft.format === 'yes_no' ? (
        <label className="field">
          <span>Yes/no only to</span>
          <select value={draft.yesNoPurpose ?? ''} onChange={(e) => store().change({ yesNoPurpose: (e.target.value || null) as YesNoPurpose | null })}>
            <option value="">Choose the purpose…</option>
            {YES_NO_PURPOSES.map((p) => (
              <option key={p} value={p}>
                {YES_NO_PURPOSE_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="field">
        <span>Question</span>
        <textarea rows={4} value={draft.question} onChange={(e) => store().change({ question: e.target.value })} />
      </label>
      {draft.format === 'multiple_choice' ? (
        <label className="field">
          <span>Clinically supported options (one a line)</span>
          <textarea rows={5} value={draft.options.join('\n')} onChange={(e) => store().change({ options: e.target.value.split('\n') })} />
          <span className="field-hint">Always added: {FIXED_OPTIONS.join('; ')}; and room for the provider's own words.</span>
        </label>
      ) : null}
      <section className="query-indicators" aria-label="Clinical indicators">
        <h4>Clinical indicators</h4>
        {draft.indicators.length === 0 ? <p className="muted">None yet: select words in a document, then add them.</p> : null}
        <ol>
          {draft.indicators.map((ind, i) => (
            <li key={`${ind.documentId}-${ind.start}`}>
              <blockquote>{ind.text}</blockquote>
              <span className="muted">
                {ind.documentTitle}, {ind.documentDate}, characters {ind.start}–{ind.end}
              </span>{' '}
              <button type="button" className="link-button" onClick={() => store().change({ indicators: draft.indicators.filter((_, n) => n !== i) })}>
                Remove
              </button>
            </li>
          ))}
        </ol>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={addSelection}>
          Add selected text
        </button>
        {pickError ? <p className="error-text">{pickError}</p> : null}
      </section>
      {problems.length > 0 ? (
        <ul className="query-lint" aria-label="Why this query cannot be sent yet">
          {problems.map((p) => (
            <li key={p.rule}>{p.message}</li>
          ))}
        </ul>
      ) : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Send query
        </button>
        <button type="button" disabled={busy} onClick={() => void store().saveDraft()}>
          Save draft
        </button>
        <button type="button" disabled={busy} onClick={() => store().discard()}>
          Discard changes
        </button>
      </div>
    </form>
  );
}
