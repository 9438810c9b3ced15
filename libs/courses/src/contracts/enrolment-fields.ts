/**
 * The fields of one enrolment row, as a CSV column mapping targets them and as a JSON enrolment names them. One row
 * is one user enrolled in one course; the course's fields (name, term, dates…) create or update the course.
 */
export const enrolmentFields = {
  course_code: 'Course code (required)',
  section: 'Section',
  course_name: 'Course name (required for a new course)',
  academic_department: 'Academic department',
  term: 'Term',
  start_date: 'Start date (YYYY-MM-DD)',
  end_date: 'End date (YYYY-MM-DD)',
  status: 'Course status (ACTIVE or INACTIVE)',
  instructors: "Instructors' primary identifiers (separated by ; in CSV, a list in JSON)",
  user_primary_id: "The enrolled user's primary identifier (required)",
  enrolled_since: 'Enrolled since (YYYY-MM-DD; the import day when empty)',
} as const;
export type EnrolmentField = keyof typeof enrolmentFields;
export const enrolmentFieldNames = Object.keys(enrolmentFields) as EnrolmentField[];

/** One row of an enrolment file, its fields as read (CSV cells or JSON values). */
export type EnrolmentRow = Partial<Record<EnrolmentField, string | readonly string[]>>;
