// SEAM (owned by the "history/analysis/summary" helper): history list, progress charts, export/import, delete.
export function HistoryPage() {
  return <section aria-label="History"><h2>History</h2></section>;
}
