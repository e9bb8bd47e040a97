/**
 * Paths typed or pasted, one per line, with its hint below; Ctrl+Enter starts. The browser host
 * has no native file dialog and the same field serves Electron, so every import screen asks this way.
 */
import { useId, type ReactNode } from 'react';

interface PathsFieldProps {
  label: string;
  placeholder: string;
  value: string;
  disabled: boolean;
  canStart: boolean;
  onChange: (value: string) => void;
  onStart: () => void;
  hint: ReactNode;
}

export function PathsField({ label, placeholder, value, disabled, canStart, onChange, onStart, hint }: PathsFieldProps) {
  const fieldId = useId();
  const hintId = useId();
  return (
    <>
      <label htmlFor={fieldId}>{label}</label>
      <textarea
        id={fieldId}
        aria-describedby={hintId}
        rows={3}
        spellCheck={false}
        value={value}
        disabled={disabled}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && canStart) {
            event.preventDefault();
            onStart();
          }
        }}
      />
      <p id={hintId} className="field-hint">
        {hint}
      </p>
    </>
  );
}
