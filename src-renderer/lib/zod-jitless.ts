/**
 * zod probes for `new Function` support when it builds schemas; under the app's CSP (no
 * 'unsafe-eval') that probe is a CSP violation. Jitless mode skips it. Imported first in main.ts.
 */
import { z } from 'zod';

z.config({ jitless: true });
