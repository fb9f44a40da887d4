import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMailpit, type TestMailpit } from './mailpit.js';

/** Speaks just enough SMTP to hand over one message; resolves with the reply to RCPT TO. */
function sendOne(port: number, to: string, subject: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const script = ['EHLO test', 'MAIL FROM:<sender@example.com>', `RCPT TO:<${to}>`, 'DATA'];
    let step = 0;
    let rcptReply = '';
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      if (!/(^|\r\n)\d{3} [^\r\n]*\r\n$/.test(buffer)) return; // wait for the last line of a reply
      const reply = buffer;
      buffer = '';
      if (step === 3) rcptReply = reply.trim();
      if (step === 3 && !reply.startsWith('250')) {
        socket.end('QUIT\r\n');
        return resolve(rcptReply);
      }
      if (step < script.length) socket.write(`${script[step++]}\r\n`);
      else if (step === script.length) {
        step++;
        socket.write(`Subject: ${subject}\r\nTo: <${to}>\r\n\r\nhello\r\n.\r\n`);
      } else {
        socket.end('QUIT\r\n');
        resolve(rcptReply);
      }
    });
    socket.once('error', reject);
  });
}

describe('startTestMailpit', () => {
  let mailpit: TestMailpit;
  beforeAll(async () => {
    mailpit = await startTestMailpit();
  }, 300_000);
  afterAll(async () => {
    await mailpit?.stop();
  });

  it('takes a message over SMTP and shows it to its recipient only through the API', async () => {
    expect(await sendOne(mailpit.smtpPort, 'ada@example.com', 'first')).toMatch(/^250/);
    const messages = await mailpit.messagesTo('ada@example.com');
    expect(messages.map((m) => m.Subject)).toEqual(['first']);
    expect(await mailpit.messagesTo('grace@example.com')).toEqual([]);
    expect((await mailpit.message(messages[0]!.ID)).Text).toContain('hello');
  });

  it('refuses recipients with the code it is told, and accepts again', async () => {
    await mailpit.reject(550);
    expect(await sendOne(mailpit.smtpPort, 'bob@example.com', 'refused')).toMatch(/^550/);
    await mailpit.reject(undefined);
    expect(await sendOne(mailpit.smtpPort, 'bob@example.com', 'accepted')).toMatch(/^250/);
    expect((await mailpit.messagesTo('bob@example.com')).map((m) => m.Subject)).toEqual(['accepted']);
  });

  it('stops (connections refused) and starts again on the same ports', async () => {
    await mailpit.stop();
    await expect(sendOne(mailpit.smtpPort, 'eve@example.com', 'down')).rejects.toThrow(/ECONNREFUSED/);
    await mailpit.start();
    expect(await sendOne(mailpit.smtpPort, 'eve@example.com', 'up')).toMatch(/^250/);
  });
});
