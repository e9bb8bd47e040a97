/** Marks the find matches in a rendered document and keeps the current one in view. */
import { useLayoutEffect, type RefObject } from 'react';
import { useFind } from './find-store';
import { markMatches, setCurrentMark } from './text-marks';
import { useOpenDocumentMatches } from './use-find-matches';

/** `content` changes when the element's text is replaced (its marks are then gone). */
export function useDocumentMarks(root: RefObject<HTMLElement | null>, content: unknown): void {
  const matches = useOpenDocumentMatches();
  const current = useFind((s) => s.current);
  useLayoutEffect(() => {
    if (root.current) markMatches(root.current, matches);
  }, [root, matches, content]);
  useLayoutEffect(() => {
    if (root.current) setCurrentMark(root.current, current)?.scrollIntoView?.({ block: 'center' });
  }, [root, matches, current, content]);
}
