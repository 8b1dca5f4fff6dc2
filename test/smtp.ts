import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server in the test process. `hold()` makes it keep every message waiting before its
 * "250 OK" until `release()`: a slow server. `delivered` lists the subjects it accepted.
 */
export async function startSmtp(options: { replyDelayMs?: number } = {}) {
  const delivered: string[] = [];
  let gate: Promise<void> = Promise.resolve();
  let open = () => {};
  const arrivals: Array<() => void> = [];
  let arrived = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      let data = "";
      stream.on("data", (c: Buffer) => {
        data += c.toString();
      });
      stream.on("end", () => {
        arrived += 1;
        for (const wake of arrivals.splice(0)) wake();
        const subject = /^Subject: (.*)$/m.exec(data)?.[1] ?? "";
        void gate
          .then(() => new Promise((r) => setTimeout(r, options.replyDelayMs ?? 0)))
          .then(() => {
            delivered.push(subject.trim());
            callback();
          });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    delivered,
    hold() {
      gate = new Promise<void>((r) => {
        open = r;
      });
    },
    release: () => open(),
    /** Resolves once `n` messages have reached the server (delivered or held). */
    async arrivedAtLeast(n: number) {
      while (arrived < n) await new Promise<void>((r) => arrivals.push(r));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
