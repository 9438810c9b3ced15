// Who calls the users module's services. Plain types: the kernel's InstitutionRef and Principal are server-side,
// and any of them satisfies these.

/** The institution a call runs for: the fields of the kernel's InstitutionRef the users services read. */
export interface UsersInstitutionRef {
  readonly id: string;
  readonly timeZone: string;
  readonly libraryIndependence: boolean;
}

/** Who makes a change: the institution it happens in and the name recorded as created/updated by. */
export interface UserChangeActor {
  readonly institutionId: string;
  readonly actor: string;
  /** staff, apiKey, job or system: the History tab says who changed what. */
  readonly actorKind?: string;
  /** Set when a job makes the change (the reference's "last updated by job"). */
  readonly job?: string;
  /** The person or key asking, when one does: what they may change and which owner libraries they see. */
  readonly caller?: ChangeCaller;
}

/** What a person or API key making a change may do (jobs and the SIS act for the institution and have none). */
export interface ChangeCaller {
  readonly permissions: ReadonlySet<string>;
  /** Owner libraries whose notes and statistics the caller sees and changes; null for every library. */
  readonly visibleLibraryIds: readonly string[] | null;
}

/** Who is looking: library-owned notes and statistics follow the caller's library scope. */
export interface PartsViewer {
  readonly institution: Pick<UsersInstitutionRef, 'id' | 'libraryIndependence'>;
  /** The kernel principal's library scope: `all` when a role covers the institution. */
  readonly principal: {
    readonly libraryScope?: { readonly all: boolean; readonly libraryIds: ReadonlySet<string> };
  };
}
