import { describe, expect, it } from 'vitest';
import { catalogueProblems, renderCatalogue, type ServiceColumns } from './catalogue.js';
import { parseMark } from './marks.js';
import { looksPersonal } from './personal-columns.js';

const MARK = 'personal: purpose=log-in e-mails; retention=while the account exists; erasure=anonymise';

describe('parseMark', () => {
  it('reads the three fields of a mark', () => {
    expect(parseMark(MARK)).toEqual({
      ok: true,
      mark: { purpose: 'log-in e-mails', retention: 'while the account exists', erasure: 'anonymise' },
    });
  });

  it.each([
    ['an unknown action', MARK.replace('anonymise', 'anonymize'), 'erasure "anonymize" is not one of'],
    ['a missing field', 'personal: purpose=log-in e-mails; erasure=delete', 'does not follow'],
    ['fields out of order', 'personal: retention=1 day; purpose=log-in; erasure=delete', 'does not follow'],
    ['an empty text', MARK.replace('log-in e-mails', ''), 'purpose is empty'],
    ['a padded text', MARK.replace('while the account exists', ' while the account exists'), 'leading or trailing'],
    ['a capitalised prefix', MARK.replace('personal:', 'Personal:'), 'does not follow'],
  ])('refuses %s', (_, comment, reason) => {
    const parsed = parseMark(comment);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });
});

describe('looksPersonal', () => {
  it.each([
    'email',
    'customer_email',
    'display_name',
    'name',
    'address',
    'tax_id',
    'vat_number',
    'client_ip',
    'user_agent',
    'phone',
    'recipient',
  ])('takes %s for personal data', (column) => expect(looksPersonal('t', column)).toBe(true));

  it.each([
    ['t', 'event_name'],
    ['t', 'job_name'],
    ['migrations', 'name'],
    ['t', 'tax_minor'],
    ['t', 'description'],
    ['t', 'currency'],
  ])('does not take %s.%s for personal data', (table, column) => expect(looksPersonal(table, column)).toBe(false));
});

describe('the catalogue', () => {
  const services: ServiceColumns[] = [
    {
      service: 'shop-service',
      columns: [
        { table: 'buyers', column: 'id', comment: null },
        { table: 'buyers', column: 'email', comment: MARK },
        { table: 'buyers', column: 'shipping_address', comment: null },
        { table: 'buyers', column: 'phone', comment: 'personal: purpose=calls; retention=forever; erasure=shred' },
        { table: 'buyers', column: 'note', comment: 'free text | with a <b>pipe</b>' },
      ],
    },
  ];

  it('names each unmarked personal column with the statement that marks it, and each bad mark', () => {
    expect(catalogueProblems(services)).toEqual([
      "shop-service: buyers.shipping_address is not marked; add to a migration:\n  COMMENT ON COLUMN buyers.shipping_address IS 'personal: purpose=<...>; retention=<...>; erasure=<delete|anonymise|keep-legal-record>';",
      'shop-service: the mark of buyers.phone erasure "shred" is not one of delete, anonymise, keep-legal-record: personal: purpose=calls; retention=forever; erasure=shred',
    ]);
  });

  it('lists the marked columns of each service, escaping what Markdown would read', async () => {
    const withPipe: ServiceColumns = {
      service: 'shop-service',
      columns: [{ table: 'buyers', column: 'email', comment: MARK.replace('log-in e-mails', 'a | b <c>') }],
    };
    const text = await renderCatalogue([withPipe, { service: 'empty-service', columns: [] }]);
    expect(text).toContain('## shop-service');
    expect(text).toMatch(/\| `buyers` \| `email` \| a \\\| b \\<c> \| while the account exists \| anonymise \|/);
    expect(text).toContain('## empty-service\n\nNo personal data.\n');
  });
});
