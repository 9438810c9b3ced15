/** The enrolment file mapping's page, linked from the imports. */
export const mappingPath = '/courses/mapping';
