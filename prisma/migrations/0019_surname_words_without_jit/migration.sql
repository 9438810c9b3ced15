-- The surname-words triggers inline "userSurnameWordsOf", whose estimate (millions of rows) is above JIT's
-- threshold: PostgreSQL JIT-compiled the trigger's statement on every INSERT into "User", 100-200 ms per
-- statement, most of a 500-user set-based insert (the SIS load's benchmark). The statement is small: no JIT.
ALTER FUNCTION "userSurnameWordsInserted"() SET jit = off;
ALTER FUNCTION "userSurnameWordsUpdated"() SET jit = off;
