-- The REST API's q: last_name~ by the words of the displayed surname from one index (exact counts and name
-- order without reading "User"), birth_date~ and phone_number~ without reading every user.

-- CreateTable (its keys come after the backfill below: building them once is faster than row by row)
CREATE TABLE "UserSurnameWords" (
    "institutionId" UUID NOT NULL,
    "words" TEXT NOT NULL,
    "sortName" TEXT NOT NULL,
    "userId" UUID NOT NULL
);

-- Every run of consecutive words of a sort name's surname part (before ", "), at most 8 words long, each
-- once. The separators are the ones `surnameWordsOf` in libs/users/src/server/user-search-sql.ts splits a
-- searched value on: whitespace, hyphens, apostrophes, quotes, periods, commas, slashes, brackets, _.
CREATE FUNCTION "userSurnameWordsOf"(sort_name TEXT) RETURNS SETOF TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT array_to_string(w.a[i:j], ' ')
  FROM (SELECT array_remove(regexp_split_to_array(split_part(sort_name, ', ', 1), '[-[:space:]''’‘`´.,/()_"]+'), '') AS a) AS w,
       generate_series(1, cardinality(w.a)) AS i,
       generate_series(i, least(cardinality(w.a), i + 7)) AS j
$$;

-- Kept by triggers, whichever way users are written (Prisma, set-based jobs, bulk loads): inserted users once
-- per statement, a changed sort name per row. Deleted users' rows go with the foreign key's cascade.
CREATE FUNCTION "userSurnameWordsInserted"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "UserSurnameWords" ("institutionId", "words", "sortName", "userId")
  SELECT n."institutionId", w.words, n."sortName", n.id
  FROM inserted_users AS n CROSS JOIN LATERAL "userSurnameWordsOf"(n."sortName") AS w(words);
  RETURN NULL;
END
$$;

CREATE FUNCTION "userSurnameWordsUpdated"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "UserSurnameWords" WHERE "userId" = NEW.id;
  INSERT INTO "UserSurnameWords" ("institutionId", "words", "sortName", "userId")
  SELECT NEW."institutionId", w.words, NEW."sortName", NEW.id FROM "userSurnameWordsOf"(NEW."sortName") AS w(words);
  RETURN NULL;
END
$$;

CREATE TRIGGER "User_surnameWords_insert" AFTER INSERT ON "User"
  REFERENCING NEW TABLE AS inserted_users FOR EACH STATEMENT EXECUTE FUNCTION "userSurnameWordsInserted"();
CREATE TRIGGER "User_surnameWords_update" AFTER UPDATE OF "sortName", "institutionId" ON "User"
  FOR EACH ROW WHEN (OLD."sortName" IS DISTINCT FROM NEW."sortName" OR OLD."institutionId" IS DISTINCT FROM NEW."institutionId")
  EXECUTE FUNCTION "userSurnameWordsUpdated"();

-- The users there already.
INSERT INTO "UserSurnameWords" ("institutionId", "words", "sortName", "userId")
SELECT u."institutionId", w.words, u."sortName", u.id FROM "User" AS u CROSS JOIN LATERAL "userSurnameWordsOf"(u."sortName") AS w(words);

ALTER TABLE "UserSurnameWords" ADD CONSTRAINT "UserSurnameWords_pkey" PRIMARY KEY ("institutionId","words","sortName","userId");

-- CreateIndex
CREATE INDEX "UserSurnameWords_userId_idx" ON "UserSurnameWords"("userId");

-- CreateIndex (the exact count: many users share a surname, so its entries deduplicate to a tenth of the
-- primary key's pages, 29 against 290 for 29,000 users)
CREATE INDEX "UserSurnameWords_institutionId_words_idx" ON "UserSurnameWords"("institutionId", "words");

-- CreateIndex
CREATE INDEX "User_institutionId_birthDate_idx" ON "User"("institutionId", "birthDate");

-- AddForeignKey
ALTER TABLE "UserSurnameWords" ADD CONSTRAINT "UserSurnameWords_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- phone_number~ compares digits only ("+47 22 33 44 55" is 4722334455); Prisma's schema cannot say this index.
CREATE INDEX "UserPhone_institutionId_digits_idx" ON "UserPhone"("institutionId", (regexp_replace("phoneNumber", '[^0-9]', '', 'g')));
