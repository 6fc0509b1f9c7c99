// Rare Earth Shock — the shared facts for the browser tests: field keys, labels,
// ranges and defaults, presets, regions, themes and breakpoints, as the build
// generated them from the model's field table (rareshock_facts, src/ui/facts.h).
// Tests read them here instead of typing a range or a key again.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

export const FACTS_FILE = path.join(ROOT, 'build/web/facts/rareshock-facts.json');
export const facts = JSON.parse(fs.readFileSync(FACTS_FILE, 'utf8'));
export const field = (key) => facts.fields.find((f) => f.key === key);
