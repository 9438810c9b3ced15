// The CLI only needs a resolvable URL; the adapter below is what connects (see TOOLCHAIN.md).
process.env.DATABASE_URL ??= 'postgresql://localhost/unused';

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { defineConfig } from 'prisma/config';
import { PrismaPGlite } from 'pglite-prisma-adapter';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  async adapter() {
    return new PrismaPGlite(await PGlite.create({ extensions: { pg_trgm } }));
  },
});
