import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The public Alma records kept beside this file (see alma-samples/SOURCES.md). */
export type AlmaSampleName =
  | 'tulibraries_single_user.json'
  | 'scriptotek_user_response.json'
  | 'berkeley_expected_xml_3.xml';

const folder = resolve(import.meta.dirname, 'alma-samples');

/** A sample's text, as published. */
export const almaSampleText = (name: AlmaSampleName): string => readFileSync(resolve(folder, name), 'utf8');

/** A JSON sample, parsed. */
export const almaSample = (name: AlmaSampleName): Record<string, unknown> => JSON.parse(almaSampleText(name));
