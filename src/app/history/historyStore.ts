// The app's view of the saved history: loads it once, reports quarantined records, saves sets as they
// happen (storage full → a notice, the set kept in memory and retried), deletes, exports, imports.
// Vanilla Zustand store with actions as module functions, like ../store.ts. Nothing here throws to
// the caller: every failure becomes a notice the user can read.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { History } from '../../storage/history';
import { StorageFullError, openHistory } from '../../storage/history';
import type { SessionRecord } from '../../storage/schema';
import { RecordError, makeHistoryExport } from '../../storage/schema';
import { appStore, setNotices } from '../store';
import { setsCsv } from '../../session/csv';
import { downloadText, fileDate } from '../download';

/** How long to wait before retrying saves that failed for lack of space (ms). */
export const RETRY_SAVE_MS = 30_000;

export interface ImportReport {
  added: number;
  rejected: { index: number; reason: string }[];
  /** Set when the whole file was refused. */
  error: string | null;
}

export interface HistoryState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Oldest first. Includes sets not yet written (storage full), so nothing counted disappears. */
  sessions: SessionRecord[];
  /** Messages for the user: quarantined records, storage full, failures. */
  notices: string[];
  /** Records waiting to be written because storage was full. */
  unsaved: number;
  lastImport: ImportReport | null;
}

export const historyStore = createStore<HistoryState>()(() => ({
  status: 'idle',
  sessions: [],
  notices: [],
  unsaved: 0,
  lastImport: null,
}));

export function useHistory<T>(selector: (s: HistoryState) => T): T {
  return useStore(historyStore, selector);
}

/** What the functions below share: the database (opened on first use), the load, and what waits for room. */
interface Keeper {
  db: History | null;
  loading: Promise<void> | null;
  readonly pending: Map<string, SessionRecord>;
  retryTimer: ReturnType<typeof setTimeout> | null;
}
const keeper: Keeper = { db: null, loading: null, pending: new Map(), retryTimer: null };
const pending = keeper.pending;

/** For tests: use another database (e.g. a fresh name per test) and forget all state. */
export function setHistoryDatabase(h: History): void {
  keeper.db = h;
  keeper.loading = null;
  pending.clear();
  if (keeper.retryTimer !== null) clearTimeout(keeper.retryTimer);
  keeper.retryTimer = null;
  historyStore.setState({ status: 'idle', sessions: [], notices: [], unsaved: 0, lastImport: null });
}

const getDb = (): History => (keeper.db ??= openHistory());

const STORAGE_FULL =
  'The browser has no room left to save sessions. Your latest set is kept on this page and saved as soon as there is room: export and delete old sessions to free space.';

function addNotice(text: string): void {
  const { notices } = historyStore.getState();
  if (!notices.includes(text)) historyStore.setState({ notices: [...notices, text] });
  // Storage full matters mid-set, wherever the user is: it also goes to the app's own notice line.
  if (text === STORAGE_FULL) {
    const app = appStore.getState().notices;
    if (!app.includes(text)) setNotices([...app, text]);
  }
}

export function dismissHistoryNotice(text: string): void {
  historyStore.setState({ notices: historyStore.getState().notices.filter((n) => n !== text) });
  const app = appStore.getState().notices;
  if (app.includes(text)) setNotices(app.filter((n) => n !== text));
}

function upsert(list: readonly SessionRecord[], r: SessionRecord): SessionRecord[] {
  const out = list.filter((s) => s.id !== r.id);
  out.push(r);
  out.sort((a, b) => a.startedAt - b.startedAt);
  return out;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Loads the history once (later calls share the first load). Call at app start. */
export function loadHistory(): Promise<void> {
  keeper.loading ??= (async () => {
    historyStore.setState({ status: 'loading' });
    try {
      const r = await getDb().load();
      // Sets saved while the load ran (or waiting for room) win over what was on disk.
      let sessions = r.sessions;
      for (const s of historyStore.getState().sessions) sessions = upsert(sessions, s);
      historyStore.setState({ status: 'ready', sessions });
      const n = r.quarantined.length;
      if (n > 0) {
        addNotice(
          `${n} saved session${n === 1 ? '' : 's'} could not be read and ${n === 1 ? 'was' : 'were'} set aside. Your other sessions are fine.`,
        );
      }
    } catch (e) {
      historyStore.setState({ status: 'error' });
      console.error(`Form Coach: the saved sessions could not be opened (${message(e)}).`, e);
      addNotice('Your saved sessions could not be opened in this browser. New sets are still shown but may not be kept after a reload.');
    }
  })();
  return keeper.loading;
}

/** Saves (insert or update) a session record as it happens; never throws (errors become notices). */
export async function saveSession(record: SessionRecord): Promise<void> {
  historyStore.setState({ sessions: upsert(historyStore.getState().sessions, record) });
  pending.set(record.id, record);
  await flushPending();
}

/** Writes the records waiting for room, oldest first; on storage full keeps them and retries later. */
export async function flushPending(): Promise<void> {
  for (const [id, r] of [...pending]) {
    try {
      await getDb().save(r);
      // A newer version of the same record may have arrived while this one was written.
      if (pending.get(id) === r) pending.delete(id);
    } catch (e) {
      if (e instanceof StorageFullError) {
        addNotice(STORAGE_FULL);
        scheduleRetry();
        break;
      }
      pending.delete(id);
      if (!(e instanceof RecordError)) console.error(`Form Coach: a set could not be saved (${message(e)}).`, e);
      addNotice(
        e instanceof RecordError
          ? `A set could not be saved: ${e.message}.`
          : 'A set could not be saved: this browser refused to store it.',
      );
    }
  }
  historyStore.setState({ unsaved: pending.size });
  if (pending.size === 0) dismissHistoryNotice(STORAGE_FULL);
}

function scheduleRetry(): void {
  if (keeper.retryTimer !== null) return;
  keeper.retryTimer = setTimeout(() => {
    keeper.retryTimer = null;
    void flushPending();
  }, RETRY_SAVE_MS);
}

export async function deleteSession(id: string): Promise<void> {
  pending.delete(id);
  try {
    await getDb().remove(id);
    historyStore.setState({ sessions: historyStore.getState().sessions.filter((s) => s.id !== id), unsaved: pending.size });
  } catch (e) {
    addNotice(`The session could not be deleted (${message(e)}).`);
  }
}

export async function deleteAllSessions(): Promise<void> {
  pending.clear();
  try {
    await getDb().clear();
    historyStore.setState({ sessions: [], unsaved: 0 });
    dismissHistoryNotice(STORAGE_FULL);
  } catch (e) {
    addNotice(`The sessions could not be deleted (${message(e)}).`);
  }
}

/** The export file's text: every readable session, including ones still waiting for room. */
export async function exportHistoryText(now = Date.now()): Promise<string> {
  return JSON.stringify(makeHistoryExport(historyStore.getState().sessions, now));
}

/** Offers the export as a download (a blob URL: nothing leaves the device). */
export async function downloadHistory(): Promise<void> {
  downloadText(`form-coach-history-${fileDate()}.json`, 'application/json', await exportHistoryText());
}

/** Offers every set as a spreadsheet (CSV, one row per set). */
export function downloadCsv(sessions: readonly SessionRecord[] = historyStore.getState().sessions, name = 'sets'): void {
  downloadText(`form-coach-${name}-${fileDate()}.csv`, 'text/csv;charset=utf-8', setsCsv(sessions));
}

/** Imports an export file's text; bad records are rejected one by one and reported. */
export async function importHistoryText(text: string): Promise<ImportReport> {
  let report: ImportReport;
  try {
    const r = await getDb().importJson(text);
    let sessions = historyStore.getState().sessions;
    for (const s of r.sessions) sessions = upsert(sessions, s);
    historyStore.setState({ sessions });
    report = { added: r.sessions.length, rejected: r.rejected, error: null };
  } catch (e) {
    report = {
      added: 0,
      rejected: [],
      error: e instanceof StorageFullError ? 'There is no room left to import these sessions. Delete old sessions first.' : message(e),
    };
  }
  historyStore.setState({ lastImport: report });
  return report;
}
