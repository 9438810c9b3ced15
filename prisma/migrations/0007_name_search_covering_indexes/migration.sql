-- DropIndex
DROP INDEX "User_institutionId_sortName_idx";

-- DropIndex
DROP INDEX "User_institutionId_recordType_sortName_idx";


-- The first page of Find and Manage Users walks these in name order and filters on nameSearch without
-- reading the table (an index-only scan); the trigram index still serves the counts.
CREATE INDEX "User_institutionId_sortName_covering_idx" ON "User"("institutionId", "sortName", "id") INCLUDE ("nameSearch");
CREATE INDEX "User_institutionId_recordType_sortName_covering_idx" ON "User"("institutionId", "recordType", "sortName", "id") INCLUDE ("nameSearch");
