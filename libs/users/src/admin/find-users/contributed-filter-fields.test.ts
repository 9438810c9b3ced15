import { describe, expect, it } from 'vitest';
import { contributedFilterFields } from './contributed-filter-fields.js';

const enrolledIn = { id: 'courses.enrolledIn', label: 'Enrolled in course', placeholder: 'Course code' };

describe("the fields of other modules' filters", () => {
  it('shows none when no enabled module offers a filter and the search names none', () => {
    expect(contributedFilterFields([], {})).toEqual([]);
  });

  it('shows the offered filters, set or not', () => {
    expect(contributedFilterFields([enrolledIn], {})).toEqual([enrolledIn]);
    expect(contributedFilterFields([enrolledIn], { 'courses.enrolledIn': 'HIST101' })).toEqual([enrolledIn]);
  });

  it('keeps a field, labelled by its id, for a filter in the search the server does not offer', () => {
    expect(contributedFilterFields([enrolledIn], { 'gone.filter': 'x' })).toEqual([
      enrolledIn,
      { id: 'gone.filter', label: 'gone.filter', placeholder: null },
    ]);
  });
});
