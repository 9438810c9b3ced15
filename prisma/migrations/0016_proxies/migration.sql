-- CreateTable
CREATE TABLE "ProxyRelation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "institutionId" UUID NOT NULL,
    "proxyUserId" UUID NOT NULL,
    "patronUserId" UUID NOT NULL,
    "expiryDate" DATE,
    "fulfillment" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProxyRelation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProxyRelation_institutionId_patronUserId_idx" ON "ProxyRelation"("institutionId", "patronUserId");

-- CreateIndex
CREATE UNIQUE INDEX "ProxyRelation_institutionId_proxyUserId_patronUserId_key" ON "ProxyRelation"("institutionId", "proxyUserId", "patronUserId");


-- A fulfillment proxy has one sponsor (not expressible in the Prisma schema: a partial index).
CREATE UNIQUE INDEX "ProxyRelation_one_sponsor_idx" ON "ProxyRelation"("institutionId", "proxyUserId") WHERE "fulfillment";
