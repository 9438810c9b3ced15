/** The SIS run job's id. */
export const SIS_RUN_JOB = 'sis.run';
