import { zodResolver } from '@hookform/resolvers/zod';
import { type LetterTemplateDto, saveLetterTemplateInput } from '@ulms/letters/contracts';
import type { Resolver } from 'react-hook-form';

/** The wording as the form holds it. */
export interface LetterTemplateFormValues {
  subject: string;
  html: string;
  text: string;
}

export const templateFields = ['subject', 'html', 'text'] as const;

export const formValuesOf = (template: LetterTemplateDto): LetterTemplateFormValues => ({
  subject: template.subject,
  html: template.html,
  text: template.text,
});

/** The server's own rules for the three fields: required subject and HTML, bounded lengths. */
export const letterTemplateResolver = zodResolver(
  saveLetterTemplateInput.pick({ subject: true, html: true, text: true }),
) as unknown as Resolver<LetterTemplateFormValues, unknown, LetterTemplateFormValues>;

export const templateFieldLabels: Readonly<Record<string, string>> = {
  subject: 'Subject',
  html: 'HTML body',
  text: 'Plain text',
};
