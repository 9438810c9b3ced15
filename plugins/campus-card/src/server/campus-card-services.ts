import { createServiceRef } from '@ulms/platform';
import type { CampusCardReader } from './campus-card.reader.js';

export const campusCardServices = {
  reader: createServiceRef<CampusCardReader>({ id: 'campus-card.reader' }),
};
