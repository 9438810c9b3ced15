import { Prisma } from '@prisma/client';

/** Tells whether a write failed on a unique constraint, through either database adapter. */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2002';
  // The PGlite adapter passes PostgreSQL's own error through instead of Prisma's P2002.
  return (error as { cause?: { code?: unknown } } | null)?.cause?.code === '23505';
}
