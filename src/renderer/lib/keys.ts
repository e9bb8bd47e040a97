/** Keyboard helpers shared by the screens' shortcut handlers. */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

type AnyKeyboardEvent = KeyboardEvent | ReactKeyboardEvent;

/** True when the key press lands in a place where typing text is expected. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(type);
}

/** Alt+letter: `key` is unreliable with Alt on macOS (Alt+N types "˜"), so also accept `code`. */
export function isAltLetter(event: AnyKeyboardEvent, letter: string): boolean {
  if (!event.altKey || event.ctrlKey || event.metaKey) return false;
  return event.key.toLowerCase() === letter || event.code === `Key${letter.toUpperCase()}`;
}

/** Ctrl on Windows/Linux, Cmd on macOS. */
export function isPrimaryModifier(event: AnyKeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey;
}

/** Screen shortcuts pause while a modal dialog (About, help, hold) is open. */
export function isModalOpen(doc: Document = document): boolean {
  return doc.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}
