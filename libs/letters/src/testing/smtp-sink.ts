import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message as it arrived: the envelope the client gave and, unless counting only, the parsed mail. */
export interface ArrivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly mail: ParsedMail | null;
}

/** A real SMTP server on loopback that keeps what arrives (tests, benchmarks). */
export interface SmtpSink {
  readonly port: number;
  readonly arrived: readonly ArrivedMail[];
  /** Refuses the next `count` messages at DATA with `code` (451: try later; 550: refused for good). */
  refuseNext(count: number, code?: number): void;
  /** Resolves once `count` messages have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<readonly ArrivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpSink(options: { parse?: boolean } = {}): Promise<SmtpSink> {
  const arrived: ArrivedMail[] = [];
  let refusals: { count: number; code: number } = { count: 0, code: 451 };
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to trust.
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 50 * 1024 * 1024,
    // Closing waits this long for clients still connected (a pool between two letters), then ends them.
    closeTimeout: 500,
    onData(stream, session, done) {
      const envelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
      };
      if (refusals.count > 0) {
        refusals = { ...refusals, count: refusals.count - 1 };
        stream.resume();
        stream.on('end', () =>
          done(Object.assign(new Error(`refused for the test (${refusals.code})`), { responseCode: refusals.code })),
        );
        return;
      }
      if (options.parse === false) {
        stream.resume();
        stream.on('end', () => {
          arrived.push({ ...envelope, mail: null });
          done();
        });
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          arrived.push({ ...envelope, mail });
          done();
        },
        (error: Error) => done(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    arrived,
    refuseNext(count, code = 451) {
      refusals = { count, code };
    },
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (arrived.length < count) {
        if (Date.now() > until) throw new Error(`${arrived.length} of ${count} messages arrived in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return arrived;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
