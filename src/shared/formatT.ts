/**
 * The one way an iteration t is written wherever it is shown (transport read-out, timeline,
 * caption, the table's iteration line, tooltips, figure descriptions): digits grouped by
 * thousands with commas, "50,966", whatever the browser's locale, so a read-out and a caption
 * never disagree on how the same number looks.
 */
export function formatT(t: number): string {
  if (!Number.isFinite(t)) return String(t);
  const digits = String(Math.abs(Math.trunc(t)));
  return (t < 0 ? '−' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
