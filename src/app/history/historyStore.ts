// SEAM (owned by the "history/analysis/summary" helper; the live-flow helper calls saveSession).
// The app's view of the saved history: loads it once, reports quarantined records, saves sets as
// they happen (storage full → a notice, the set stays on screen), deletes, exports, imports.
import { openHistory } from '../../storage/history';
import type { SessionRecord } from '../../storage/schema';

let history: ReturnType<typeof openHistory> | null = null;
const db = () => (history ??= openHistory());

/** Saves (insert or update) a session record; never throws (errors become notices). */
export async function saveSession(record: SessionRecord): Promise<void> {
  try { await db().save(record); } catch (e) { console.error('saveSession', e); }
}
