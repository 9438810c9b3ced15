import { createExpiringCache } from '../cache/expiring-cache.js';
import type { Prisma, PrismaClient } from '@prisma/client';
import {
  createInstitutionInput,
  createLibraryInput,
  type CreateInstitutionInput,
  type CreateLibraryInput,
  updateInstitutionInput,
  type UpdateInstitutionInput,
} from '../contracts/tenancy.schema.js';
import { isUniqueViolation } from '../database/database-errors.js';
import { ConflictError, NotFoundError } from '../errors/domain-errors.js';
import { parseInput } from '../errors/parse-input.js';
import type { InstitutionRef } from '../trpc/request-context.js';

export interface LibraryRecord {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

/** Institutions and their libraries. Lookups by id are cached: every guarded request makes one. */
export interface InstitutionService {
  create(input: CreateInstitutionInput): Promise<InstitutionRef>;
  update(id: string, input: UpdateInstitutionInput): Promise<InstitutionRef>;
  findById(id: string): Promise<InstitutionRef | null>;
  findByCode(code: string): Promise<InstitutionRef | null>;
  /** As people type it on a sign-in form: in any case. */
  findByCodeAnyCase(code: string): Promise<InstitutionRef | null>;
  getByCode(code: string): Promise<InstitutionRef>;
  list(): Promise<InstitutionRef[]>;
  createLibrary(institutionId: string, input: CreateLibraryInput): Promise<LibraryRecord>;
  listLibraries(institutionId: string): Promise<LibraryRecord[]>;
}

const institutionSelect = {
  id: true,
  code: true,
  name: true,
  timeZone: true,
  defaultCurrency: true,
  defaultLanguage: true,
  libraryIndependence: true,
} satisfies Prisma.InstitutionSelect;
const librarySelect = {
  id: true,
  code: true,
  name: true,
} satisfies Prisma.LibrarySelect;

const CACHE_TTL_MS = 5_000;

export function createInstitutionService(deps: { prisma: PrismaClient }): InstitutionService {
  const { prisma } = deps;
  const byId = createExpiringCache<string, InstitutionRef | null>(CACHE_TTL_MS);
  const librariesOf = createExpiringCache<string, LibraryRecord[]>(CACHE_TTL_MS);

  const service: InstitutionService = {
    async create(input) {
      const data = parseInput(createInstitutionInput, input);
      try {
        return await prisma.institution.create({
          data,
          select: institutionSelect,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`institution "${data.code}" already exists`);
        throw error;
      }
    },
    async update(id, input) {
      const data = parseInput(updateInstitutionInput, input);
      byId.delete(id);
      return prisma.institution.update({
        where: { id },
        data,
        select: institutionSelect,
      });
    },
    findById(id) {
      return byId.get(id, () =>
        prisma.institution.findUnique({
          where: { id },
          select: institutionSelect,
        }),
      );
    },
    findByCode(code) {
      return prisma.institution.findUnique({
        where: { code },
        select: institutionSelect,
      });
    },
    findByCodeAnyCase(code) {
      return prisma.institution.findFirst({
        where: { code: { equals: code, mode: 'insensitive' } },
        select: institutionSelect,
      });
    },
    async getByCode(code) {
      const found = await service.findByCode(code);
      if (!found) throw new NotFoundError(`institution "${code}"`);
      return found;
    },
    list() {
      return prisma.institution.findMany({
        select: institutionSelect,
        orderBy: { code: 'asc' },
      });
    },
    async createLibrary(institutionId, input) {
      const data = parseInput(createLibraryInput, input);
      librariesOf.delete(institutionId);
      try {
        return await prisma.library.create({
          data: { ...data, institutionId },
          select: librarySelect,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`library "${data.code}" already exists`);
        throw error;
      }
    },
    listLibraries(institutionId) {
      return librariesOf.get(institutionId, () =>
        prisma.library.findMany({
          where: { institutionId },
          select: librarySelect,
          orderBy: { code: 'asc' },
        }),
      );
    },
  };
  return service;
}
