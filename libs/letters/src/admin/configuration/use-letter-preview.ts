import { useMutation } from '@tanstack/react-query';
import type { RenderedLetterDto } from '@ulms/letters/contracts';
import { fieldErrorsOf, useDebouncedValue } from '@ulms/ui';
import { useEffect, useState } from 'react';
import { useLettersTrpc } from '../letters-admin-context.js';
import type { LetterTemplateFormValues } from './letter-template.form-schema.js';

export interface LetterPreviewRequest extends LetterTemplateFormValues {
  readonly letterTypeId: string;
  readonly language: string;
  readonly userId?: string;
}

/**
 * The wording being edited, rendered a moment after the typing stops, and its template errors by field; the last
 * rendering stays shown while the next one is made.
 */
export function useLetterPreview(request: LetterPreviewRequest) {
  const trpc = useLettersTrpc();
  const [rendered, setRendered] = useState<RenderedLetterDto>();
  const preview = useMutation(trpc.letters.templates.preview.mutationOptions({ onSuccess: setRendered }));
  const wanted = JSON.stringify(request);
  const settled = useDebouncedValue(wanted, 400);
  const { mutate } = preview;
  useEffect(() => mutate(JSON.parse(settled) as LetterPreviewRequest), [settled, mutate]);
  const fieldErrors = fieldErrorsOf(preview.error);
  return {
    rendered,
    fieldErrors,
    // An error no field explains (the user picked was removed meanwhile).
    failure: preview.error && Object.keys(fieldErrors).length === 0 ? preview.error.message : null,
    pending: preview.isPending || settled !== wanted,
  };
}
