// A 0–10 pain check-in: eleven big buttons in a radio group (arrow keys move, as in any radio group),
// and always a way past it. The answer is optional: it only feeds the caution when pain rises.
import { useRef } from 'react';

export interface PainCheckProps {
  legend: string;
  value: number | null;
  onChange: (v: number) => void;
}

export function PainCheck({ legend, value, onChange }: PainCheckProps) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (to: number) => {
    const v = Math.max(0, Math.min(10, to));
    onChange(v);
    refs.current[v]?.focus();
  };
  return (
    <fieldset className="pain-check">
      <legend>{legend}</legend>
      <div role="radiogroup" aria-label={legend} className="pain-scale">
        {Array.from({ length: 11 }, (_, i) => (
          <button
            key={i}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={value === i}
            // One tab stop for the group: the chosen value, else 0.
            tabIndex={(value ?? 0) === i ? 0 : -1}
            onClick={() => onChange(i)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowUp') {
                e.preventDefault();
                move(i + 1);
              }
              if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') {
                e.preventDefault();
                move(i - 1);
              }
            }}
          >
            {i}
          </button>
        ))}
      </div>
      <p className="hint pain-ends">
        <span>0 = no pain</span>
        <span>10 = worst imaginable</span>
      </p>
    </fieldset>
  );
}
