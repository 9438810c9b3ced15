-- AlterTable
ALTER TABLE "UserIdentifier" ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'ACTIVE';

