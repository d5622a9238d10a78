// The history's messages (sessions set aside, storage full, a failed save), shown where the user is.
// Mount it anywhere; it renders nothing when all is well.
import { dismissHistoryNotice, useHistory } from './historyStore';

export function HistoryNotices() {
  const notices = useHistory((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <ul className="history-notices" role="status" data-testid="history-notices">
      {notices.map((n) => (
        <li key={n}>
          <span>{n}</span>
          <button type="button" onClick={() => dismissHistoryNotice(n)} aria-label="Dismiss this message">
            OK
          </button>
        </li>
      ))}
    </ul>
  );
}
