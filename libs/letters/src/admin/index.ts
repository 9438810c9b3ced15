// The letters module's admin plugin (screens come with it).
export {};
