/**
 * A vertical splitter between two panes (the WAI-ARIA window splitter): drag it, or focus it and
 * use ←/→ (Shift: bigger steps), Home/End; Enter runs `onToggle` when given (collapse a pane).
 * Its value is its position across the container, in percent.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  label: string;
  /** The position, % of the container's width from its left edge. */
  value: number;
  min: number;
  max: number;
  /** What the value means to a screen reader, e.g. "Records 46% of the width". */
  valueText: string;
  /** The element whose width the percentages are of. */
  container(): HTMLElement | null;
  onChange(position: number): void;
  /** The end of a drag or a key press: a good moment to save. */
  onCommit?(): void;
  onToggle?(): void;
  title?: string;
  className?: string;
}

const STEP = 2;
const BIG_STEP = 10;

export function Splitter(props: SplitterProps) {
  const { value, min, max } = props;
  const dragging = useRef(false);
  const clamp = (n: number) => Math.min(max, Math.max(min, n));

  const positionAt = (clientX: number): number | null => {
    const rect = props.container()?.getBoundingClientRect();
    if (!rect || rect.width <= 0) return null;
    return clamp(((clientX - rect.left) / rect.width) * 100);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? BIG_STEP : STEP;
    const next = ({ ArrowLeft: value - step, ArrowRight: value + step, Home: min, End: max } as Record<string, number | undefined>)[e.key];
    if (next !== undefined && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      props.onChange(clamp(next));
      props.onCommit?.();
    } else if (e.key === 'Enter' && props.onToggle) {
      e.preventDefault();
      props.onToggle();
    }
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    e.currentTarget.focus();
    e.preventDefault(); // no text selection while dragging
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const position = positionAt(e.clientX);
    if (position !== null) props.onChange(position);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
    props.onCommit?.();
  };

  return (
    <div
      role="separator"
      tabIndex={0}
      className={props.className ? `splitter ${props.className}` : 'splitter'}
      aria-label={props.label}
      aria-orientation="vertical"
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(max)}
      aria-valuetext={props.valueText}
      title={props.title}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
}
