/** How the viewer shows a document, from its content type; one place so main and renderer agree. */

export type DocumentView = 'text' | 'html' | 'pdf' | 'none';

/** The media type without parameters, lower case: 'Text/HTML; charset=utf-8' → 'text/html'. */
export const mediaTypeOf = (contentType: string): string => (contentType.split(';')[0] ?? '').trim().toLowerCase();

export function documentView(contentType: string): DocumentView {
  const type = mediaTypeOf(contentType);
  if (type === 'text/plain' || type === '') return 'text';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/pdf') return 'pdf';
  return 'none';
}

/** "PDF", "HTML", "TIFF image", else the media type itself: what the list and the viewer call it. */
export function contentTypeLabel(contentType: string): string {
  const type = mediaTypeOf(contentType);
  const known: Record<string, string> = {
    'text/plain': 'Text',
    'text/html': 'HTML',
    'application/xhtml+xml': 'HTML',
    'application/pdf': 'PDF',
    'application/msword': 'Word document',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
    'application/rtf': 'RTF',
    'text/rtf': 'RTF',
    'image/tiff': 'TIFF image',
    'image/jpeg': 'JPEG image',
    'image/png': 'PNG image',
    'application/dicom': 'DICOM',
  };
  return known[type] ?? (type || 'unknown type');
}

/** 1536 → "1.5 KB"; decimal units as file managers show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
