/** Shortcuts that work on every unlocked screen: lock, help. */
import { useEffect } from 'react';
import { isPrimaryModifier, isTypingTarget } from '../lib/keys';
import { lockNow } from './lock-now';

export function useGlobalShortcuts(toggleHelp: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isPrimaryModifier(event) && event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void lockNow();
        return;
      }
      if (event.key === '?' && !event.ctrlKey && !event.altKey && !event.metaKey && !isTypingTarget(event.target)) {
        event.preventDefault();
        toggleHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggleHelp]);
}
