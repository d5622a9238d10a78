// Is node_modules what package-lock.json asks for? The same rule as scripts/setup.sh: npm writes
// node_modules/.package-lock.json at the end of every install, so a missing one, or a package-lock.json newer
// than it (a pull or an edit since), means the packages must be installed again. No package is imported here:
// this runs before the first install.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Null when node_modules is up to date; otherwise why an install is needed, in a few words. */
export function installNeeded(root) {
  const hidden = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(hidden)) return 'the npm packages are not installed yet';
  if (statSync(join(root, 'package-lock.json')).mtimeMs > statSync(hidden).mtimeMs)
    return 'package-lock.json changed since the last install';
  return null;
}
