// Browser side of model loading: every model file comes from the app's own origin (`<base>models/`),
// served from the repo's models/ folder by vite.config.ts. Nothing is ever fetched from another host.
import type { ModelName } from '../core/pose';
import { MODEL_FILES } from '../core/pose';
import type { ModelLoader } from './createPoseSource';

/** A clear, user-facing model problem that names the file and the fix. */
export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Model file ${file} ${reason}. Run \`npm run models\` in the project folder, then reload.`);
  }
}

export function modelsBase(): string {
  return `${import.meta.env.BASE_URL}models/`;
}

export function browserModelLoader(base = modelsBase()): ModelLoader {
  return (jsonFile) => `${base}${jsonFile}`;
}

interface ModelJson {
  modelTopology?: unknown;
  weightsManifest?: { paths?: unknown; weights?: unknown }[];
}

/**
 * Checks that every file `model` needs is served and plausible before tfjs tries to load it, so a
 * missing or truncated file gives an error naming it rather than tfjs' generic "failed to fetch".
 * The json must parse and describe a graph model; the bin must exist and be non-empty.
 */
export async function checkModelFiles(model: ModelName, base = modelsBase(), fetchFn: typeof fetch = fetch): Promise<void> {
  for (const file of MODEL_FILES[model]) {
    const url = `${base}${file}`;
    let res: Response;
    try {
      res = await fetchFn(url, { method: file.endsWith('.json') ? 'GET' : 'HEAD', cache: 'no-store' });
    } catch {
      throw new ModelFileError(file, 'could not be fetched from this app');
    }
    if (!res.ok) throw new ModelFileError(file, res.status === 404 ? 'is missing' : `could not be loaded (HTTP ${res.status})`);
    if (file.endsWith('.json')) {
      let json: ModelJson;
      try {
        json = (await res.json()) as ModelJson;
      } catch {
        throw new ModelFileError(file, 'is corrupt (not JSON)');
      }
      if (!json.modelTopology || !Array.isArray(json.weightsManifest) || json.weightsManifest.length === 0) {
        throw new ModelFileError(file, 'is corrupt (no model topology or weights manifest)');
      }
    } else {
      const len = Number(res.headers.get('content-length') ?? 'NaN');
      if (len === 0) throw new ModelFileError(file, 'is empty');
    }
  }
}
