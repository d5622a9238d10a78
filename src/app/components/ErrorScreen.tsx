import { useSession } from '../live/sessionContext';
import type { AppError } from '../errors';

/**
 * What happened and what to do, in plain words (errors.ts words every failure). The technical cause stays in
 * a collapsed Details for whoever fixes it (and in the console, logged where the error was caught).
 */
export function ErrorScreen({ error }: { error: AppError }) {
  const session = useSession();
  return (
    <div className="error-screen" role="alert" data-error-kind={error.kind}>
      <h2>{error.title}</h2>
      <p>{error.detail}</p>
      <button type="button" onClick={() => session.send({ type: 'retry' })}>
        Try again
      </button>
      {error.technical && (
        <details className="error-details" data-testid="error-details">
          <summary>Details</summary>
          <pre>{error.technical}</pre>
        </details>
      )}
    </div>
  );
}
