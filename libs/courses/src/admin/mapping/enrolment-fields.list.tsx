import { enrolmentFieldNames, enrolmentFields } from '@ulms/courses/contracts';

/** What each enrolment field holds, folded away below the mapping. */
export function EnrolmentFieldsList() {
  return (
    <details className="courses-fields">
      <summary>The enrolment fields</summary>
      <p className="muted">
        One row is one user enrolled in one course; the course’s fields create the course or update it. A JSON file
        names the same fields.
      </p>
      <dl>
        {enrolmentFieldNames.map((field) => (
          <div key={field}>
            <dt>
              <code>{field}</code>
            </dt>
            <dd>{enrolmentFields[field]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
