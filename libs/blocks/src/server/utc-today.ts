/** Today in UTC as `YYYY-MM-DD`: a block is active through its expiry date, whatever job has or has not run. */
export const utcToday = (now = new Date()): string => now.toISOString().slice(0, 10);
