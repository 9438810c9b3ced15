import { createServiceRef, pluginConfigRef } from '@ulms/platform';
import type { CoursesConfig } from '../contracts/courses-config.schema.js';
import type { CourseImportService } from './course-import.service.js';
import type { CourseStore } from './course.store.js';
import type { ImportMappingStore } from './import-mapping.store.js';

export const coursesConfigRef = pluginConfigRef<CoursesConfig>();
export const courseStoreRef = createServiceRef<CourseStore>({ id: 'courses.store' });
export const courseImportsRef = createServiceRef<CourseImportService>({ id: 'courses.imports' });
export const importMappingRef = createServiceRef<ImportMappingStore>({ id: 'courses.importMapping' });
