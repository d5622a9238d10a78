// Reminders with no server: the person picks the days and a time, the app keeps them on this device and offers a
// calendar file their own calendar imports (it then does the reminding). The same days are "the plan" the report
// counts sessions against, and the home screen says what is due today.
import { useState } from 'react';
import type { ReminderPlan, Weekday } from '../../session/reminders';
import { planText, reminderIcs, WEEK_ORDER, WEEKDAY_NAMES } from '../../session/reminders';
import { downloadText } from '../download';
import { loadPlan, savePlan } from './reminderStore';

export function Reminders() {
  const [saved, setSaved] = useState<ReminderPlan | null>(loadPlan);
  // Nothing ticked until the person picks: ticked boxes that were never saved would read as a plan.
  const [days, setDays] = useState<Weekday[]>(saved?.days ?? []);
  const [time, setTime] = useState(saved?.time ?? '18:00');
  const [note, setNote] = useState<string | null>(null);
  const toggle = (d: Weekday) => setDays((v) => (v.includes(d) ? v.filter((x) => x !== d) : [...v, d]));
  const save = (): ReminderPlan | null => {
    const p = savePlan({ days, time });
    if (!p) {
      setNote(days.length === 0 ? 'Choose at least one day.' : 'Give a time such as 18:00.');
      return null;
    }
    setSaved(p);
    setNote(`Saved: ${planText(p)}.`);
    return p;
  };
  const calendar = () => {
    const p = save();
    if (!p) return;
    const ics = reminderIcs(p, {
      now: Date.now(),
      title: 'Back exercises (Form Coach)',
      minutes: 20,
      url: `${location.origin}${location.pathname}`,
    });
    downloadText('form-coach-reminders.ics', 'text/calendar;charset=utf-8', ics);
    setNote(`Saved: ${planText(p)}. Open the downloaded file to add the reminders to your calendar.`);
  };
  return (
    <section className="reminders panel" aria-labelledby="reminders-title" data-testid="reminders">
      <h3 id="reminders-title">Reminders</h3>
      <p className="hint">
        Pick the days you plan to exercise and a time. Your calendar reminds you (add the calendar file to it); the home screen says what is
        due today, and the report counts your sessions against these days.
      </p>
      <fieldset className="reminder-days">
        <legend>Days</legend>
        {WEEK_ORDER.map((d) => (
          <label key={d} className="check">
            <input type="checkbox" checked={days.includes(d)} onChange={() => toggle(d)} />
            <span>{WEEKDAY_NAMES[d]}</span>
          </label>
        ))}
      </fieldset>
      <label className="field reminder-time">
        <span>Time</span>
        <input type="time" value={time} onChange={(e) => setTime(e.target.value)} required />
      </label>
      <div className="row">
        <button type="button" onClick={() => save()}>
          Save the days
        </button>
        <button type="button" className="primary" onClick={calendar}>
          Add to my calendar (.ics file)
        </button>
        {saved && (
          <button
            type="button"
            onClick={() => {
              savePlan(null);
              setSaved(null);
              setNote('Reminders removed from this app. Delete the event in your calendar too.');
            }}
          >
            Remove
          </button>
        )}
      </div>
      <p className="hint" role="status" data-testid="reminder-status">
        {note ?? (saved ? `Now: ${planText(saved)}.` : 'No days set yet: tick your days, then save them or add them to your calendar.')}
      </p>
    </section>
  );
}
