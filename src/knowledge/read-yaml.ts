/**
 * Reads one YAML data file and validates it against its schema, collecting problems (file and entry named)
 * instead of throwing, so a loader can report every bad file of a folder at once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlData } from './yaml-cache';
import type { z } from 'zod';
import { describePath } from './describe-path';

/** `dir/name` parsed and validated; undefined (with the reasons pushed to `problems`) when missing or invalid. */
export function readYamlFile<T extends z.ZodType>(dir: string, name: string, schema: T, problems: string[]): z.infer<T> | undefined {
  const file = join(dir, name);
  if (!existsSync(file)) {
    problems.push(`${name}: missing (required)`);
    return undefined;
  }
  let data: unknown;
  try {
    data = readYamlData(file);
  } catch (e) {
    problems.push(`${name}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
    return undefined;
  }
  return validateData(data, name, schema, problems);
}

/** `data` validated against `schema`; on failure the first 20 issues go to `problems`, each naming `name` and the entry. */
export function validateData<T extends z.ZodType>(data: unknown, name: string, schema: T, problems: string[]): z.infer<T> | undefined {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  for (const issue of r.error.issues.slice(0, 20)) problems.push(`${name}: ${describePath(data, issue.path)}: ${issue.message}`);
  return undefined;
}
