import { describe, expect, it } from 'vitest';
import { ownerLibraryFilter } from './library-scope.js';

const law = { all: false, libraryIds: new Set(['law']) };

describe('ownerLibraryFilter', () => {
  it('filters nothing without library independence', () => {
    expect(ownerLibraryFilter({ libraryIndependence: false }, { libraryScope: law })).toEqual({});
  });

  it('filters nothing for a role that covers the institution', () => {
    expect(
      ownerLibraryFilter({ libraryIndependence: true }, { libraryScope: { all: true, libraryIds: new Set() } }),
    ).toEqual({});
  });

  it('keeps library-scoped staff to unowned rows and their own libraries', () => {
    expect(ownerLibraryFilter({ libraryIndependence: true }, { libraryScope: law })).toEqual({
      OR: [{ ownerLibraryId: null }, { ownerLibraryId: { in: ['law'] } }],
    });
  });
});
