/** Recording the provider's answer to a sent query: a choice, yes/no, their own words, or "clinically undetermined". */
import { useState } from 'react';
import { ANSWER_KINDS_BY_FORMAT, IMPLIED_AGREEMENT, offeredChoices, type AnswerKind, type QueryAnswer } from '../../../shared/queries';
import type { QueryRecord } from '../../../shared/query-records';
import { selectedIndicator } from './selected-indicator';
import { useQueries } from './query-store';

const KIND_LABELS: Record<AnswerKind, string> = { option: 'Chose an option', free_text: 'Answered in their own words', yes: 'Yes', no: 'No', undetermined: 'Clinically undetermined' };

export function QueryAnswerForm({ query }: { query: QueryRecord }) {
  const kinds = ANSWER_KINDS_BY_FORMAT[query.draft.format];
  const [kind, setKind] = useState<AnswerKind>(kinds[0] as AnswerKind);
  const [optionIndex, setOptionIndex] = useState(0);
  const [text, setText] = useState('');
  const [agreed, setAgreed] = useState(true);
  const [pickError, setPickError] = useState<string | null>(null);
  const busy = useQueries((s) => s.busy);
  const options = offeredChoices(query.draft).slice(0, query.draft.options.length);

  const fromDocument = () => {
    const picked = selectedIndicator();
    if (typeof picked === 'string') return setPickError(picked);
    setPickError(null);
    setText(picked.text);
  };

  const submit = () => {
    const implied = IMPLIED_AGREEMENT[kind];
    const answer: QueryAnswer = { kind, text: text.trim(), agreed: implied ?? agreed, ...(kind === 'option' ? { optionIndex } : {}) };
    void useQueries.getState().answer(query.id, answer);
  };

  return (
    <form
      className="query-answer"
      aria-label="Record the answer"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset>
        <legend>The provider</legend>
        {kinds.map((k) => (
          <label key={k} className="option-row">
            <input type="radio" name={`answer-${query.id}`} checked={kind === k} onChange={() => setKind(k)} />
            {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      {kind === 'option' ? (
        <label className="field">
          <span>Option chosen</span>
          <select value={optionIndex} onChange={(e) => setOptionIndex(Number(e.target.value))}>
            {options.map((o, i) => (
              <option key={o} value={i}>
                {o}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="field">
        <span>{kind === 'free_text' ? 'Their words' : 'Comment (optional)'}</span>
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={fromDocument}>
        Use selected text from a document
      </button>
      {pickError ? <p className="error-text">{pickError}</p> : null}
      {IMPLIED_AGREEMENT[kind] === null ? (
        <label className="option-row">
          <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
          The answer confirms a documented or offered diagnosis (counts toward the agreement rate)
        </label>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        Record answer
      </button>
    </form>
  );
}
