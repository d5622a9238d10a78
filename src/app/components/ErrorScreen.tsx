import { restart } from '../session';
import type { AppError } from '../store';

export function ErrorScreen({ error }: { error: AppError }) {
  return (
    <div className="error-screen" role="alert" data-error-kind={error.kind}>
      <h2>{error.title}</h2>
      <p>{error.detail}</p>
      <button type="button" onClick={() => void restart()}>Try again</button>
    </div>
  );
}
