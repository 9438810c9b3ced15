import { coreServices, definePlugin } from '@ulms/platform';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finesExtensionPoints } from '../contracts/fines-extension-points.js';
import { FINES_MODULE } from '../contracts/fines-module.js';
import { finesServices } from '../contracts/fines-services.js';
import { type FinesCaller, type FinesTestApi, finesTestConfig, startFinesTestApi } from '../testing/fines-test-api.js';

const database = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

/** A fulfilment side as a test knows it: 4.25 accruing for every user, and a loan for fees linked to LOANED. */
const circulation = definePlugin({
  id: 'test-circulation',
  title: 'Test circulation',
  dependsOn: [FINES_MODULE],
  register(env) {
    env.contribute(finesExtensionPoints.accruedFines, {
      id: 'test-overdue',
      accruedOf: async (_institutionId, userIds) => new Map(userIds.map((id) => [id, '4.25'])),
    });
    env.contribute(finesExtensionPoints.linkedLoans, {
      id: 'test-loans',
      loanOf: async (_institutionId, fee) =>
        fee.itemBarcode === 'LOANED' ? { id: 'loan-1', description: 'Loan of LOANED', url: null } : null,
    });
  },
});

let api: FinesTestApi;
let elsewhere: FinesCaller;
let newUser: (caller?: FinesCaller) => Promise<string>;
let addFee: Awaited<ReturnType<typeof startFinesTestApi>>['addFee'];

beforeAll(async () => {
  ({ api, elsewhere, newUser, addFee } = await startFinesTestApi([circulation]));
});
afterAll(() => api.close());

describe(`fines: transfer to the bursar, refunds, accrued fines, linked loans (${database})`, () => {
  it('transfers an active fee: exported with its bursar transaction id, in the transferred balance only', async () => {
    const userId = await newUser();
    const fee = await addFee(userId, '40');
    const transferred = await api.caller.fines.transfer({
      id: fee.id,
      bursarTransactionId: ' BT-7 ',
      comment: 'term end',
    });
    expect(transferred).toMatchObject({ status: 'EXPORTED', bursarTransactionId: 'BT-7', remainingBalance: '40.00' });
    expect(await api.caller.fines.balances({ userId })).toMatchObject({ active: '0.00', transferred: '40.00' });
    const ledger = (await api.caller.fines.get({ id: fee.id })).ledger.map((e) => [e.action, e.amount, e.comment]);
    expect(ledger).toEqual([
      ['ADD', '40.00', null],
      ['TRANSFER', '40.00', 'term end'],
    ]);
    await expect(api.caller.fines.transfer({ id: fee.id })).rejects.toThrow(
      'only an active fee can be transferred to the bursar (this one is EXPORTED)',
    );
    await expect(api.caller.fines.pay({ id: fee.id, amount: '1', method: 'CASH' })).rejects.toThrow(
      'the fee was transferred to the bursar',
    );
  });

  it('counts transferred fees in the active balance, and lets them be paid, where the institution allows it', async () => {
    const userId = await newUser();
    const fee = await addFee(userId, '10');
    await api.caller.fines.transfer({ id: fee.id });
    await api.caller.platform.modules.configure({
      moduleId: FINES_MODULE,
      config: { ...finesTestConfig, allowActivityOnTransferred: true },
    });
    try {
      expect(await api.caller.fines.balances({ userId })).toMatchObject({ active: '10.00', transferred: '10.00' });
      expect(await api.caller.fines.pay({ id: fee.id, amount: '10', method: 'CASH' })).toMatchObject({
        status: 'CLOSED',
      });
    } finally {
      await api.caller.platform.modules.configure({ moduleId: FINES_MODULE, config: finesTestConfig });
    }
  });

  it('refuses to transfer a disputed fee, a credit or a closed fee', async () => {
    const userId = await newUser();
    const disputed = await addFee(userId, '5');
    await api.caller.fines.dispute({ id: disputed.id });
    await expect(api.caller.fines.transfer({ id: disputed.id })).rejects.toThrow('(this one is IN_DISPUTE)');
    const credit = await api.caller.fines.credit({ userId, type: 'DAMAGE', amount: '5', comment: 'goodwill' });
    await expect(api.caller.fines.transfer({ id: credit.id })).rejects.toThrow('only a fee with a balance due');
    const closed = await addFee(userId, '0');
    await expect(api.caller.fines.transfer({ id: closed.id })).rejects.toThrow('(this one is CLOSED)');
  });

  it('refunds up to what was paid and not yet refunded, on a closed fee too, leaving what is owed as it was', async () => {
    const userId = await newUser();
    const fee = await addFee(userId, '30');
    await expect(api.caller.fines.refund({ id: fee.id, amount: '1', method: 'CASH' })).rejects.toThrow(
      'amount: must not be more than what was paid and not refunded (0.00)',
    );
    await api.caller.fines.pay({ id: fee.id, amount: '30', method: 'CASH' });
    const refunded = await api.caller.fines.refund({
      id: fee.id,
      amount: '12.504',
      method: 'CASH',
      externalTransactionId: 'R-1',
      comment: 'item found',
    });
    expect(refunded).toMatchObject({ status: 'CLOSED', remainingBalance: '0.00' });
    const read = await api.caller.fines.get({ id: fee.id });
    expect(read.refundable).toBe('17.50');
    expect(read.ledger.at(-1)).toMatchObject({
      action: 'REFUND',
      amount: '12.50',
      method: 'CASH',
      externalTransactionId: 'R-1',
    });
    await expect(api.caller.fines.refund({ id: fee.id, amount: '17.51', method: 'CASH' })).rejects.toThrow(
      'amount: must not be more than what was paid and not refunded (17.50)',
    );
    await expect(api.caller.fines.refund({ id: fee.id, amount: '-1', method: 'CASH' })).rejects.toThrow(
      'amount: must not be negative',
    );
    await expect(api.caller.fines.refund({ id: fee.id, amount: '1', method: 'GOLD' })).rejects.toThrow(
      'method: "GOLD" is not a payment method',
    );
    expect((await api.caller.fines.balances({ userId })).active).toBe('0.00');
  });

  it('never refunds more than was paid when two staff refund the same fee at once', async () => {
    const userId = await newUser();
    const fee = await addFee(userId, '50');
    await api.caller.fines.pay({ id: fee.id, amount: '50', method: 'CASH' });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => api.caller.fines.refund({ id: fee.id, amount: '20', method: 'CASH' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect((await api.caller.fines.get({ id: fee.id })).refundable).toBe('10.00');
  });

  it('shows the accrued fines another plugin reports in the summary, counted in no balance', async () => {
    const userId = await newUser();
    await addFee(userId, '8');
    expect(await api.caller.fines.balances({ userId })).toMatchObject({ active: '8.00', accrued: '4.25' });
    const balances = await api.kernel.services.get(finesServices.balances).balancesOf(api.institution.id, [userId]);
    expect(balances.get(userId)?.active).toBe('8.00');
    const theirs = await newUser(elsewhere);
    expect((await elsewhere.fines.balances({ userId: theirs })).accrued).toBe('0.00');
  });

  it('names the loan a fee came from where the fulfilment side knows it', async () => {
    const userId = await newUser();
    const fee = await addFee(userId, '2');
    expect((await api.caller.fines.get({ id: fee.id })).linkedLoan).toBeNull();
    await api.caller.fines.linkItem({ id: fee.id, itemBarcode: 'LOANED' });
    expect((await api.caller.fines.get({ id: fee.id })).linkedLoan).toEqual({
      id: 'loan-1',
      description: 'Loan of LOANED',
      url: null,
    });
  });
});

describe(`fines: the ledger accounts for every balance (${database})`, () => {
  it('leaves every fee’s remaining balance equal to its original amount less what its ledger paid and waived', async () => {
    const userId = await newUser();
    const fees = await Promise.all(['10', '25.5', '7.25', '60'].map((amount) => addFee(userId, amount)));
    const [a, b, c, d] = fees.map((f) => f.id) as [string, string, string, string];
    await api.caller.fines.pay({ id: a, amount: '3.33', method: 'CASH' });
    await api.caller.fines.waive({ id: a, amount: '1.11', reason: 'GOODWILL' });
    await api.caller.fines.pay({ id: b, amount: '25.5', method: 'CASH' });
    await api.caller.fines.refund({ id: b, amount: '5', method: 'CASH' });
    await api.caller.fines.dispute({ id: c });
    await api.caller.fines.waiveAll({ userId, reason: 'GOODWILL', status: 'ACTIVE' });
    await api.caller.fines.restore({ id: c });
    await api.caller.fines.transfer({ id: c });
    const prisma = api.kernel.services.get(coreServices.prisma);
    const rows = await prisma.fee.findMany({ where: { userId }, include: { ledger: true } });
    for (const fee of rows) {
      const settled = fee.ledger
        .filter((e) => e.action === 'PAY' || e.action === 'WAIVE')
        .reduce((sum, e) => sum.plus(e.amount.toString()), new Decimal(0));
      expect(`${fee.id} ${new Decimal(fee.originalAmount.toString()).minus(settled).toFixed(2)}`).toBe(
        `${fee.id} ${new Decimal(fee.remainingBalance.toString()).toFixed(2)}`,
      );
    }
    expect(rows.find((f) => f.id === d)?.status).toBe('CLOSED');
  });
});

describe(`fines: the debt limit the blocks module reads (${database})`, () => {
  it('follows the reference: owes 100 with 20 disputed against a limit of 100 is not reached; with none disputed it is', async () => {
    await api.caller.platform.modules.configure({
      moduleId: FINES_MODULE,
      config: { ...finesTestConfig, debtLimits: [{ userGroup: 'PATRONS', limit: '100' }] },
    });
    try {
      const debts = api.kernel.services.get(finesServices.balances);
      const userId = await newUser();
      await addFee(userId, '80');
      const disputed = await addFee(userId, '20');
      await api.caller.fines.dispute({ id: disputed.id });
      await api.caller.fines.credit({ userId, type: 'DAMAGE', amount: '0.5', comment: 'goodwill' });
      const standing = async () =>
        (await debts.debtOf(api.institution.id, [{ id: userId, userGroup: 'PATRONS' }])).get(userId);
      expect(await standing()).toMatchObject({ owed: '79.50', limit: '100.00', limitReached: false });
      await api.caller.fines.restore({ id: disputed.id });
      await addFee(userId, '0.5');
      expect(await standing()).toMatchObject({ owed: '100.00', limitReached: true });
      const other = await debts.debtOf(api.institution.id, [{ id: userId, userGroup: 'STAFF' }]);
      expect(other.get(userId)).toMatchObject({ owed: '100.00', limit: null, limitReached: false });
    } finally {
      await api.caller.platform.modules.configure({ moduleId: FINES_MODULE, config: finesTestConfig });
    }
  });
});
