import { createExtensionPoint } from '@ulms/platform/contracts';
import type { SisProfileSettings } from './sis-profile.schema.js';

/** A user as the Alma user JSON format has it (`primary_id`, `user_group: { value }`, `contact_info`, …). */
export type AlmaUserJson = Record<string, unknown>;

/** One record read from a SIS file: the user, or why it could not be read. */
export type SisSourceRecord =
  | { readonly user: AlmaUserJson; readonly error?: undefined }
  | { readonly user?: undefined; readonly error: string };

/** What a format reads from. */
export interface SisFormatInput {
  /** The uploaded file on disk. */
  readonly path: string;
  readonly fileName: string;
  readonly profile: SisProfileSettings;
  /** Stop reading when aborted. */
  readonly signal?: AbortSignal;
}

/**
 * A SIS file format: reads a file as a stream of Alma user documents, one at a time, so that memory stays flat
 * whatever the file's size. A record that cannot be read is yielded as an error and reading goes on where it can.
 */
export interface SisFormat {
  /** `<pluginId>.<name>`, stored in profiles. */
  readonly id: string;
  readonly name: string;
  readonly fileExtensions: readonly string[];
  /** The profile's CSV column mapping applies. */
  readonly usesColumnMapping?: boolean;
  read(input: SisFormatInput): AsyncIterable<SisSourceRecord>;
}

/** What a field mapper knows of the load. */
export interface SisFieldMapperContext {
  readonly institutionId: string;
  readonly profileCode: string;
  readonly profile: SisProfileSettings;
}

/**
 * An institution's transformation of incoming records (a user group derived from a programme code, say): it
 * gets each record as read and returns the record to load. Throwing rejects that record with the message.
 */
export interface SisFieldMapper {
  readonly id: string;
  map(user: AlmaUserJson, context: SisFieldMapperContext): AlmaUserJson | Promise<AlmaUserJson>;
}

export const sisExtensionPoints = {
  formats: createExtensionPoint<SisFormat>({ id: 'sis.formats' }),
  fieldMappers: createExtensionPoint<SisFieldMapper>({ id: 'sis.fieldMappers' }),
};
