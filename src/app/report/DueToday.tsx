// One line for the home screen: what is due today by the person's reminder days (nothing when they set none).
import { useEffect, useState } from 'react';
import { dayStart, dueToday } from '../../session/reminders';
import { groupSessions } from '../../session/sessions';
import { loadHistory, useHistory } from '../history/historyStore';
import { loadPlan } from './reminderStore';
import './report.css';

export function DueToday({ routineName }: { routineName: string }) {
  const sessions = useHistory((s) => s.sessions);
  const [now] = useState(() => Date.now());
  useEffect(() => {
    void loadHistory();
  }, []);
  const today = dayStart(now);
  const doneToday = groupSessions(sessions).filter((g) => g.source === 'live' && g.startedAt >= today).length;
  const text = dueToday(loadPlan(), now, doneToday, routineName);
  if (!text) return null;
  return (
    <p className="due-today" role="status" data-testid="due-today">
      {text}
    </p>
  );
}
