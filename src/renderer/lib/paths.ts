/** Paths typed by the user for files main writes or reads (no file dialog in the browser host). */

/** An absolute path on POSIX (/…) or Windows (C:\… or \\server\…); main checks again. */
export function isFullPath(text: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(text);
}

/** Bytes as a coder reads them: 812 KB, 3.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
