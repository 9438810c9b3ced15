/**
 * The XML shape of the reference's user documents (rest_user.xsd): plural wrappers and attributes (the kernel's
 * `XmlShape`; here, in the contracts, for the SIS module's streaming reader too).
 */
export const almaXmlShape: {
  readonly wrappers: Readonly<Record<string, string>>;
  readonly attributes: Readonly<Record<string, readonly string[]>>;
} = {
  wrappers: {
    user_identifier: 'user_identifiers',
    address: 'addresses',
    email: 'emails',
    phone: 'phones',
    address_type: 'address_types',
    email_type: 'email_types',
    phone_type: 'phone_types',
    user_role: 'user_roles',
    parameter: 'parameters',
    rs_library: 'rs_libraries',
    purchase_request_library: 'purchase_request_libraries',
    library_notice: 'library_notices',
    user_note: 'user_notes',
    user_statistic: 'user_statistics',
    user_block: 'user_blocks',
    proxy_for_user: 'proxy_for_users',
    user_attachment: 'user_attachments',
  },
  attributes: {
    users: ['total_record_count'],
    user: ['link'],
    address: ['preferred', 'segment_type'],
    email: ['preferred', 'segment_type'],
    phone: ['preferred', 'preferred_sms', 'segment_type'],
    user_identifier: ['segment_type'],
    user_note: ['segment_type', 'user_viewable', 'popup_note'],
    user_statistic: ['segment_type'],
    user_attachments: ['total_record_count'],
    user_attachment: ['link'],
  },
};
