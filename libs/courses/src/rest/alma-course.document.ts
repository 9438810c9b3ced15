import type { UserDto } from '@ulms/users/contracts';
import type { CourseDto, CourseParticipantDto } from '../contracts/course.dto.js';

/** A date as the reference writes it: `2026-09-01Z`. */
const almaDate = (date: string | null) => (date ? `${date}Z` : null);

/** A course in the Alma course format. */
export function almaCourse(course: CourseDto, instructors: ReadonlyMap<string, UserDto>, baseUrl: string) {
  return {
    id: course.id,
    code: course.code,
    name: course.name,
    section: course.section,
    academic_department: course.academicDepartment
      ? { value: course.academicDepartment, desc: course.academicDepartment }
      : null,
    status: course.status,
    start_date: almaDate(course.startDate),
    end_date: almaDate(course.endDate),
    term: course.term ? [{ value: course.term, desc: course.term }] : [],
    instructor: course.instructors.map((i) => {
      const user = instructors.get(i.userId);
      return { primary_id: i.primaryId, first_name: user?.firstName ?? null, last_name: user?.lastName ?? null };
    }),
    participants: course.participants,
    link: `${baseUrl}/courses/${course.id}`,
  };
}

/** An enrolment as `GET /courses/{id}/enrollments` lists it. */
export function almaEnrollment(participant: CourseParticipantDto, baseUrl: string) {
  return {
    user: {
      value: participant.primaryId,
      desc: participant.name,
      link: `${baseUrl}/users/${encodeURIComponent(participant.primaryId)}`,
    },
    enrolled_since: almaDate(participant.enrolledSince),
  };
}
