/** Writes scenarios/scenario.schema.json from the zod schema (`npm run schema`). */
import { writeFile } from 'node:fs/promises';
import { renderScenarioJsonSchema } from '../src-main/core/scenario/json-schema.ts';

const target = new URL('../scenarios/scenario.schema.json', import.meta.url);
await writeFile(target, renderScenarioJsonSchema());
console.log(`wrote ${target.pathname}`);
