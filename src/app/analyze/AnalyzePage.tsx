// SEAM (owned by the "history/analysis/summary" helper): analyse a recorded video file with the same pipeline.
export function AnalyzePage() {
  return <section aria-label="Analyse a recording"><h2>Analyse a recording</h2></section>;
}
