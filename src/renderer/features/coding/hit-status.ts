/**
 * A search hit that is not in force on the chart's date: a terminated code (reached only by
 * typing it) or one that starts later. Such a hit is shown with its dates and never added.
 */
import type { CodeHit } from '../../../shared/domain';

/** "replaced by J2312, J2313", or null when the code set names no replacement. */
export function replacementText(hit: CodeHit): string | null {
  const by = hit.terminated?.replacedBy ?? [];
  return by.length > 0 ? `replaced by ${by.join(', ')}` : null;
}

/** Why the hit cannot be added, or null when it is in force. */
export function notInForceReason(hit: CodeHit): string | null {
  if (hit.terminated) {
    const replaced = replacementText(hit);
    return `${hit.code} was terminated on ${hit.terminated.on}${replaced ? `: ${replaced}` : ''}. It cannot be added.`;
  }
  if (hit.startsOn) return `${hit.code} is in force only from ${hit.startsOn}. It cannot be added for this date.`;
  return null;
}
