// Runs in its own process (as a real client would): GETs `template` with `{}` replaced by each of `values`
// in turn, from `connections` concurrent connections for `seconds`, and prints autocannon's result as JSON.
import autocannon from 'autocannon';

const { base, template, values, connections, seconds } = JSON.parse(process.argv[2] ?? '{}') as {
  base: string;
  template: string;
  values: string[];
  connections: number;
  seconds: number;
};
// Each connection goes through the requests in order, from the start again when done.
const result = await autocannon({
  url: base,
  connections,
  duration: seconds,
  requests: values.map((value) => ({
    method: 'GET' as const,
    path: template.replace('{}', encodeURIComponent(value)),
  })),
});
process.stdout.write(JSON.stringify(result));
