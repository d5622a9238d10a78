// Figures per source (a source = one person/camera set: the repository a clip was found in), for the eval.
export interface SourceRow { clip: string; source: string; exercise: string; pass: boolean }

export function leftOutReport(rows: readonly SourceRow[]): string[] {
  const by = new Map<string, SourceRow[]>();
  for (const r of rows) by.set(r.source, [...(by.get(r.source) ?? []), r]);
  const out = ['Per source (MoveNet Thunder)'];
  for (const [src, rs] of [...by.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    out.push(`  ${src}: ${rs.filter((r) => r.pass).length}/${rs.length} clips pass${rs.some((r) => !r.pass) ? ` (miss: ${rs.filter((r) => !r.pass).map((r) => r.clip.split('_')[0]).join(', ')})` : ''}`);
  }
  return out;
}
