/** Local calendar dates as ISO YYYY-MM-DD, the form the API uses. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** ISO dates compare correctly as strings. */
export function isOverdue(dueDate: string, today: string = todayIso()): boolean {
  return dueDate < today;
}
