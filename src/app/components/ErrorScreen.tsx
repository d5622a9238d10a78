import { restart } from '../session';
import type { AppError } from '../errors';

/** Renders `backticked` parts of a message as code, so commands like `npm run models` stand out. */
function withCode(text: string) {
  return text.split(/(`[^`]+`)/).map((part, i) =>
    part.startsWith('`') && part.endsWith('`') ? <code key={i}>{part.slice(1, -1)}</code> : part);
}

/**
 * What happened and what to do, in plain words (errors.ts words every failure). The technical cause stays in
 * a collapsed Details for whoever fixes it (and in the console, logged where the error was caught).
 */
export function ErrorScreen({ error }: { error: AppError }) {
  return (
    <div className="error-screen" role="alert" data-error-kind={error.kind}>
      <h2>{error.title}</h2>
      <p>{withCode(error.detail)}</p>
      <button type="button" onClick={() => void restart()}>Try again</button>
      {error.technical && (
        <details className="error-details" data-testid="error-details">
          <summary>Details</summary>
          <pre>{error.technical}</pre>
        </details>
      )}
    </div>
  );
}
