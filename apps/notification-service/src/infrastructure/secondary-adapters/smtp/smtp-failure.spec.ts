import { describe, expect, it } from 'vitest';
import { classifySmtpError } from './smtp-failure.js';

describe('classifySmtpError', () => {
  it.each([
    [{ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 no such user' }, 'permanent', 550],
    [{ code: 'EMESSAGE', responseCode: 554, response: '554 rejected' }, 'permanent', 554],
    [{ code: 'EENVELOPE', responseCode: 451, response: '451 try again later' }, 'transient', 451],
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 'transient', undefined],
    [{ code: 'ETIMEDOUT', message: 'Greeting never received' }, 'transient', undefined],
    [{ code: 'ETLS', responseCode: 502, response: '502 5.5.1 Command not implemented' }, 'transient', 502],
    [{ code: 'ESOCKET', message: 'unable to verify the first certificate' }, 'transient', undefined],
    [new Error('something odd'), 'transient', undefined],
  ])('%o is %s', (error, kind, replyCode) => {
    const failure = classifySmtpError(error);
    expect(failure.kind).toBe(kind);
    expect(failure.replyCode).toBe(replyCode);
  });
});
