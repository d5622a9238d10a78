// The slow-computer advice (issue 19 item 4): when the default model reads fewer than 12 pictures a second at
// the start of a run, one line says so and offers the faster model; nothing switches until the person chooses.
// It renders what speedStore decided (modelSpeed.ts weighs it); it never takes the focus or blocks coaching.
import { updateSettings } from '../store';
import { answerSpeedAdvice, useSpeedAdvice } from '../speedStore';
import { speedAdviceText } from '../modelSpeed';
import { accuracyShort } from '../settings/accuracy';

export function SpeedAdvice() {
  const advice = useSpeedAdvice();
  if (!advice) return null;
  const current = accuracyShort(advice.model) ?? 'this model';
  const faster = accuracyShort(advice.faster) ?? 'A faster model';
  return (
    <div className="speed-advice" role="status">
      <p>{speedAdviceText(advice, current, faster)}</p>
      <div className="speed-advice-actions">
        <button
          type="button"
          onClick={() => {
            answerSpeedAdvice(false);
            updateSettings({ model: advice.faster });
          }}
        >
          Switch to {faster}
        </button>
        <button type="button" onClick={() => answerSpeedAdvice(true)}>
          Keep {current}
        </button>
      </div>
    </div>
  );
}
