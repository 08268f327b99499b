import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import Papa from 'papaparse';
import { siteConfig } from '../../src/lib/site/site-config.ts';

/** The file of the built site a site URL (`/…/filing.json`, or an absolute one) is served from. */
export function siteFile(siteDir: string, url: string): string {
  const path = decodeURI(new URL(url, siteConfig.siteUrl).pathname);
  if (!path.startsWith(siteConfig.basePath)) throw new Error(`${url} is not under the base path ${siteConfig.basePath}`);
  return join(siteDir, ...path.slice(siteConfig.basePath.length).split('/'));
}

export const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** Every file of the built site whose name matches, as paths relative to it with forward slashes. */
export function siteFiles(siteDir: string, name: RegExp): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (name.test(entry.name)) found.push(relative(siteDir, full).split(sep).join('/'));
    }
  };
  walk(siteDir);
  return found.sort();
}

/**
 * A validator for a JSON Schema the site publishes, read from the built
 * site as another system would fetch it. Formats are checked by what they
 * mean (a date is a calendar date, a URI parses), not skipped.
 */
export function publishedValidator(siteDir: string, schemaUrl: string): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value)));
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  return ajv.compile(readJson(siteFile(siteDir, schemaUrl)) as object);
}

/** A published CSV as rows of cells, after its byte-order mark. */
export function readCsv(text: string): string[][] {
  if (!text.startsWith('\uFEFF')) throw new Error('expected a CSV starting with a byte-order mark');
  return Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
}
