import { describe, expect, it } from 'vitest';
import { mergePageSelection, pageSelectionOf, pageSummary } from './table-state.js';

describe('mergePageSelection', () => {
  it('keeps ids selected on other pages while replacing this page', () => {
    const selected = new Set(['a', 'b', 'x']);
    const next = mergePageSelection(selected, ['a', 'b', 'c'], { b: true, c: true });
    expect([...next].sort()).toEqual(['b', 'c', 'x']);
    expect([...selected].sort()).toEqual(['a', 'b', 'x']);
  });
});

describe('pageSelectionOf', () => {
  it('marks only the selected ids of the page', () => {
    expect(pageSelectionOf(new Set(['a', 'z']), ['a', 'b'])).toEqual({ a: true });
  });
});

describe('pageSummary', () => {
  it('gives the row range and page count', () => {
    expect(pageSummary(1, 20, 95)).toEqual({ from: 21, to: 40, pageCount: 5 });
    expect(pageSummary(4, 20, 95)).toEqual({ from: 81, to: 95, pageCount: 5 });
  });

  it('handles an empty table', () => {
    expect(pageSummary(0, 20, 0)).toEqual({ from: 0, to: 0, pageCount: 1 });
  });
});
