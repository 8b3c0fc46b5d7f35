/** Absolute paths of the project and its fixtures, wherever the tests are run from. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const SCENARIOS = join(ROOT, 'scenarios');
export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);
