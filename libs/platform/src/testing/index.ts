export { startTestApi, type TestApi, type TestInstitutionOptions } from './start-test-api.js';
export { openTestDatabase, openEmptyTestDatabase } from './test-database.js';
export { fakeIdentityPlugin, fakePerson, type FakePerson } from './fake-identity.plugin.js';
export { serveRestForTest, type RestTestServer } from './rest-test-server.js';
