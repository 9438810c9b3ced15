import { z } from 'zod';

// The Alma user document as the REST API reads it. Loose on purpose: the mapper reads values in every
// shape the reference's clients send (JSON, or JSON converted from XML where everything is text), and
// the user service's validation refuses what is wrong, field by field.

const text = z.union([z.string(), z.number(), z.null()]).optional();
const flag = z.union([z.boolean(), z.string(), z.null()]).optional();
const date = z.string().nullish().describe('a date as 1979-01-11Z');
const code = z
  .union([z.string(), z.object({ value: z.string().nullable(), desc: z.string().nullish() }).loose(), z.null()])
  .optional()
  .describe(
    'a code-table value: {"value": CODE} in JSON (desc is ignored on input), <field desc="…">CODE</field> in XML',
  );
const listOf = <T extends z.ZodType>(item: T) => z.union([z.array(item), item]).optional();
const segmentType = z.string().nullish().describe('Internal or External');

const address = z.looseObject({
  line1: text,
  line2: text,
  line3: text,
  line4: text,
  line5: text,
  city: text,
  state_province: text,
  postal_code: text,
  country: code,
  address_note: text,
  start_date: date,
  end_date: date,
  address_type: listOf(code),
  preferred: flag,
  segment_type: segmentType,
});
const email = z.looseObject({
  email_address: text,
  email_type: listOf(code),
  preferred: flag,
  description: text,
  segment_type: segmentType,
});
const phone = z.looseObject({
  phone_number: text,
  phone_type: listOf(code),
  preferred: flag,
  preferred_sms: flag,
  segment_type: segmentType,
});
const identifier = z.looseObject({ id_type: code, value: text, note: text, status: code, segment_type: segmentType });
const role = z.looseObject({ role_type: code, scope: code, status: code, expiry_date: date });
const libraryRef = z.looseObject({ code });

/** An Alma user (the body of POST and PUT, and what GET answers). */
export const almaUserSchema = z.looseObject({
  record_type: code.describe('PUBLIC, STAFF or CONTACT'),
  account_type: code.describe('INTERNAL, EXTERNAL or INTERNAL_WITH_EXTERNAL_AUTH'),
  external_id: text,
  primary_id: text,
  user_title: code,
  first_name: text,
  middle_name: text,
  last_name: text,
  pref_first_name: text,
  pref_middle_name: text,
  pref_last_name: text,
  full_name: text,
  job_category: code,
  job_description: text,
  gender: code,
  user_group: code,
  campus_code: code,
  web_site_url: text,
  preferred_language: code,
  birth_date: date,
  expiry_date: date,
  purge_date: date,
  status: code,
  status_date: date,
  last_patron_activity_date: date,
  rs_library: listOf(libraryRef),
  purchase_request_library: listOf(libraryRef),
  cataloger_level: code,
  library_notice: listOf(z.looseObject({ code, value: flag })),
  pin_number: text.describe('four digits; empty keeps the current PIN; never returned'),
  password: text.describe('empty keeps the current password; never returned'),
  force_password_change: flag,
  contact_info: z.looseObject({ address: listOf(address), email: listOf(email), phone: listOf(phone) }).nullish(),
  user_identifier: listOf(identifier),
  user_role: listOf(role).describe('left out or empty: the user keeps its roles'),
  link: z.string().nullish(),
});

/** A user in a list: the brief record and its link. */
export const almaBriefUserSchema = z.object({
  primary_id: z.string(),
  first_name: z.string().nullable(),
  middle_name: z.string().nullable(),
  last_name: z.string().nullable(),
  full_name: z.string(),
  user_group: code,
  record_type: code,
  account_type: code,
  status: code,
  expiry_date: date,
  link: z.string(),
});

/** The answer of GET /users. */
export const almaUserListSchema = z.object({
  total_record_count: z.number().int(),
  user: z.array(almaBriefUserSchema),
});

/** An attachment's description; `content` (base64) only when asked for or when adding one. */
export const almaAttachmentSchema = z.looseObject({
  id: z.string().optional(),
  file_name: z.string().min(1, 'is required'),
  content: z.string().optional().describe('the file, base64-encoded (required when adding)'),
  note: z.string().nullish(),
  content_type: z.string().optional(),
  size: z.union([z.number(), z.string()]).optional(),
  created_by: z.string().optional(),
  creation_date: z.string().optional(),
  link: z.string().optional(),
});

/** The answer of GET /users/{user_id}/attachments. */
export const almaAttachmentListSchema = z.object({
  total_record_count: z.number().int(),
  user_attachment: z.array(almaAttachmentSchema),
});
