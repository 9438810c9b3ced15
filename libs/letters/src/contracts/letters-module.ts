/** The id institutions enable the module by; also its tRPC router's key. */
export const LETTERS_MODULE = 'letters';

/** Permissions of the letters module. */
export const lettersPermissions = {
  /** Compose a General mail, send the Social Login Invitation and the User Deletion letter to one user. */
  letterSend: 'letters.letter.send',
  /** Send the Patron Personal Information letter (the reference's "Send Patron Information Letter"). */
  personalInfoSend: 'letters.personal-info.send',
  /** Read a user's letter log and opt-outs. */
  logRead: 'letters.log.read',
  /** Opt a user in or out of the letters that allow it. */
  optOutManage: 'letters.opt-out.manage',
  /** Read the institution's outbox and any letter in it. */
  outboxRead: 'letters.outbox.read',
  /** Send a failed or held letter again. */
  outboxRetry: 'letters.outbox.retry',
  /** Read and change the institution's letter templates. */
  templateManage: 'letters.template.manage',
  /** Send a letter to every user a search finds. */
  bulkSend: 'letters.bulk.send',
} as const;
