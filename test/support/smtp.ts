/**
 * A real SMTP server on 127.0.0.1 inside the test process (smtp-server), with faults on cue, and
 * what reached it parsed (mailparser): how the send tests see what a recipient would receive.
 */
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll } from 'vitest';

export interface Received {
  /** The envelope: who the server accepted the message for. */
  from: string;
  rcpt: string[];
  mail: ParsedMail;
  raw: Buffer;
}

export interface Faults {
  /** Answer MAIL FROM with 421 this many times first. */
  defer?: number;
  /** Drop the connection after RCPT TO this many times first (before the message data). */
  drop?: number;
  /** Recipients refused with 550. */
  refuse?: string[];
  /** Recipients answered 450 (greylisted: try again later) the first time each is named; accepted after. */
  greylist?: string[];
  /** false: every login is refused (535). */
  login?: false;
  /** Answer 421 to the MAIL FROM of a connection's second message (and later ones), this many times. */
  deferReused?: number;
  /** Take the whole message (it is received), then drop the connection before confirming it, this many times first. */
  dropAfterData?: number;
}

export interface TestSmtp {
  url: string;
  received: Received[];
  /** MAIL FROM commands seen, including those deferred or dropped. */
  attempts: number;
  /** Connections clients opened. */
  connections: number;
  faults: Faults;
}

/** Starts a server for the test file; it stops after the file's last test. */
export async function startSmtp(faults: Faults = {}): Promise<TestSmtp> {
  const state: TestSmtp = { url: '', received: [], attempts: 0, connections: 0, faults };
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    // Each connection would otherwise ask DNS who 127.0.0.1 is, waiting up to 1.5 s on a machine whose resolver is slow or cut off.
    disableReverseLookup: true,
    logger: false,
    onConnect(_session, callback) {
      state.connections++;
      callback();
    },
    onAuth(_auth, _session, callback) {
      if (state.faults.login === false) return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      callback(null, { user: 'bot' });
    },
    onMailFrom(_address, session, callback) {
      state.attempts++;
      if ((state.faults.deferReused ?? 0) > 0 && session.transaction > 1) {
        state.faults.deferReused!--;
        return callback(Object.assign(new Error('Too many messages on this connection, try again later'), { responseCode: 421 }));
      }
      if ((state.faults.defer ?? 0) > 0) {
        state.faults.defer!--;
        return callback(Object.assign(new Error('Too busy, try again later'), { responseCode: 421 }));
      }
      callback();
    },
    onRcptTo(address, session: SMTPServerSession, callback) {
      if ((state.faults.drop ?? 0) > 0) {
        state.faults.drop!--;
        // The connection goes before the message data is sent: as a network failure would take it.
        for (const c of (server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }).connections) {
          if (c.id === session.id) c._socket.destroy();
        }
        return;
      }
      if (state.faults.greylist?.includes(address.address.toLowerCase())) {
        state.faults.greylist = state.faults.greylist.filter((a) => a !== address.address.toLowerCase());
        return callback(Object.assign(new Error(`Greylisted, try again later: ${address.address}`), { responseCode: 450 }));
      }
      if (state.faults.refuse?.includes(address.address.toLowerCase())) {
        return callback(Object.assign(new Error(`No such user here: ${address.address}`), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        state.received.push({ from: (session.envelope.mailFrom as { address: string }).address, rcpt: session.envelope.rcptTo.map((r) => r.address), mail: await simpleParser(raw), raw });
        if ((state.faults.dropAfterData ?? 0) > 0) {
          state.faults.dropAfterData!--;
          // Delivered, but the client never hears so: the connection goes before the 250.
          for (const c of (server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> }).connections) {
            if (c.id === session.id) c._socket.destroy();
          }
          return;
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as { port: number };
  state.url = `smtp://127.0.0.1:${port}`;
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return state;
}

/** A project's send config for the nordwind fixture: two lists, the committee's two addresses and the board's one. */
export const NORDWIND_SEND_CONFIG = `# yaml-language-server: $schema=schema/briefing-config.schema.json
mail:
  from: Investor Relations <ir@example.com>
lists:
  committee:
    to: [chair@example.com, cio@example.com]
  board:
    to: [board@example.com]
send:
  - briefing: nordwind
    lists: [committee, board]
`;
