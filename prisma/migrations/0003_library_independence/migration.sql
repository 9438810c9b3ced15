-- AlterTable
ALTER TABLE "Institution" ADD COLUMN     "libraryIndependence" BOOLEAN NOT NULL DEFAULT false;

