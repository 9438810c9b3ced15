import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { finesPermissions } from '../contracts/fines-module.js';
import { type FeeEventPayload, finesEvents } from '../contracts/fines-events.js';
import { finesServices } from '../contracts/fines-services.js';
import { type FinesCaller, type FinesTestApi, startFinesTestApi } from '../testing/fines-test-api.js';

const database = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
let api: FinesTestApi;
let elsewhere: FinesCaller;
let newUser: (caller?: FinesCaller) => Promise<string>;
let addFee: Awaited<ReturnType<typeof startFinesTestApi>>['addFee'];

beforeAll(async () => {
  ({ api, elsewhere, newUser, addFee } = await startFinesTestApi());
});
afterAll(() => api.close());

describe(`fines and fees (${database})`, () => {
  describe('adding', () => {
    it('adds a fee in the institution’s currency, with its ledger row and the VAT its type adds', async () => {
      const userId = await newUser();
      const fee = await addFee(userId, '12.345', { ownerLibrary: 'MAIN' });
      expect(fee).toMatchObject({
        type: 'DAMAGE',
        ownerLibrary: 'MAIN',
        originalAmount: '12.35',
        remainingBalance: '12.35',
        originalVat: '0.00',
        status: 'ACTIVE',
        currency: api.institution.defaultCurrency,
      });
      const card = await api.caller.fines.add({ userId, type: 'CARD', amount: '10', comment: 'new card' });
      expect(card).toMatchObject({ originalAmount: '12.00', originalVat: '2.00', remainingVat: '2.00' });
      const read = await api.caller.fines.get({ id: fee.id });
      expect(read.ledger.map((e) => [e.action, e.amount])).toEqual([['ADD', '12.35']]);
    });

    it('refuses a negative amount, text that is not an amount, and types staff may not add, naming the field', async () => {
      const userId = await newUser();
      await expect(addFee(userId, '-5')).rejects.toThrow('amount: must not be negative');
      await expect(addFee(userId, '12,50')).rejects.toThrow('amount: is not an amount');
      await expect(addFee(userId, '5', { type: 'OVERDUE' })).rejects.toThrow(
        'type: fees of type "OVERDUE" cannot be added by hand',
      );
      await expect(addFee(userId, '5', { type: 'NOPE' })).rejects.toThrow('type: "NOPE" is not a fine/fee type');
      await expect(addFee(userId, '5', { type: 'CARD', ownerLibrary: 'MAIN' })).rejects.toThrow(
        'ownerLibrary: fees of type "CARD" are owned by the institution',
      );
      await expect(addFee(userId, '5', { ownerLibrary: 'ELSEWHERE' })).rejects.toThrow(
        'ownerLibrary: "ELSEWHERE" is not a library of this institution',
      );
      expect((await api.caller.fines.list({ userId })).total).toBe(0);
    });

    it('rounds 0.004 half-up to 0.00, which is a closed fee', async () => {
      const userId = await newUser();
      const fee = await addFee(userId, '0.004');
      expect(fee).toMatchObject({ originalAmount: '0.00', remainingBalance: '0.00', status: 'CLOSED' });
      expect((await addFee(userId, '0.005')).originalAmount).toBe('0.01');
      await expect(api.caller.fines.pay({ id: fee.id, amount: '1', method: 'CASH' })).rejects.toThrow(
        'the fee is closed',
      );
    });

    it('stores a credit negative, requires its comment, and counts it in the active balance', async () => {
      const userId = await newUser();
      await expect(api.caller.fines.credit({ userId, type: 'DAMAGE', amount: '5', comment: ' ' })).rejects.toThrow(
        'comment: is required for a credit',
      );
      await expect(api.caller.fines.credit({ userId, type: 'DAMAGE', amount: '-5', comment: 'x' })).rejects.toThrow(
        'amount: must not be negative',
      );
      await addFee(userId, '20');
      const credit = await api.caller.fines.credit({ userId, type: 'DAMAGE', amount: '5', comment: 'returned' });
      expect(credit).toMatchObject({ originalAmount: '-5.00', remainingBalance: '-5.00', status: 'ACTIVE' });
      expect((await api.caller.fines.balances({ userId })).active).toBe('15.00');
      await expect(api.caller.fines.waive({ id: credit.id, amount: '1', reason: 'GOODWILL' })).rejects.toThrow(
        'a credit cannot be paid or waived',
      );
    });
  });

  describe('paying and waiving', () => {
    it('pays up to the remaining balance, with a method of the list, and closes the fee paid in full', async () => {
      const userId = await newUser();
      const fee = await addFee(userId, '30');
      await expect(api.caller.fines.pay({ id: fee.id, amount: '30.01', method: 'CASH' })).rejects.toThrow(
        'amount: must not be more than the remaining balance (30.00)',
      );
      await expect(api.caller.fines.pay({ id: fee.id, amount: '10', method: 'CHEQUE' })).rejects.toThrow(
        'method: "CHEQUE" is not a payment method of this institution',
      );
      await expect(api.caller.fines.pay({ id: fee.id, amount: '0', method: 'CASH' })).rejects.toThrow(
        'amount: must be more than 0',
      );
      const part = await api.caller.fines.pay({
        id: fee.id,
        amount: '10',
        method: 'CASH',
        externalTransactionId: 'T1',
      });
      expect(part).toMatchObject({ remainingBalance: '20.00', status: 'ACTIVE' });
      const rest = await api.caller.fines.pay({ id: fee.id, amount: '20', method: 'CASH' });
      expect(rest).toMatchObject({ remainingBalance: '0.00', status: 'CLOSED' });
      await expect(api.caller.fines.dispute({ id: fee.id })).rejects.toThrow('the fee is closed');
      const { ledger } = await api.caller.fines.get({ id: fee.id });
      expect(ledger.map((e) => [e.action, e.amount, e.method, e.externalTransactionId])).toEqual([
        ['ADD', '30.00', null, null],
        ['PAY', '10.00', 'CASH', 'T1'],
        ['PAY', '20.00', 'CASH', null],
      ]);
    });

    it('pays everything a user owes at once, and takes the VAT part in proportion', async () => {
      const userId = await newUser();
      const card = await api.caller.fines.add({ userId, type: 'CARD', amount: '10' });
      expect(await api.caller.fines.pay({ id: card.id, amount: '6', method: 'CASH' })).toMatchObject({
        remainingBalance: '6.00',
        remainingVat: '1.00',
      });
      await addFee(userId, '4.50');
      const all = await api.caller.fines.payAll({ userId, method: 'CASH' });
      expect(all.total).toBe('10.50');
      expect(all.fees.map((f) => f.status)).toEqual(['CLOSED', 'CLOSED']);
      expect(await api.caller.fines.balances({ userId })).toMatchObject({ active: '0.00' });
    });

    it('waives part of a fee for a reason of the list, and closes it waived in full', async () => {
      const userId = await newUser();
      const fee = await addFee(userId, '25');
      await expect(api.caller.fines.waive({ id: fee.id, amount: '5', reason: 'WHIM' })).rejects.toThrow(
        'reason: "WHIM" is not a waive reason of this institution',
      );
      await expect(api.caller.fines.waive({ id: fee.id, amount: '26', reason: 'GOODWILL' })).rejects.toThrow(
        'amount: must not be more than the remaining balance (25.00)',
      );
      await expect(api.caller.fines.waive({ id: fee.id, amount: '-1', reason: 'GOODWILL' })).rejects.toThrow(
        'amount: must not be negative',
      );
      const part = await api.caller.fines.waive({ id: fee.id, amount: '5', reason: 'GOODWILL', comment: 'first' });
      expect(part).toMatchObject({ remainingBalance: '20.00', status: 'ACTIVE' });
      const full = await api.caller.fines.waive({ id: fee.id, amount: '20', reason: 'GOODWILL' });
      expect(full).toMatchObject({ remainingBalance: '0.00', status: 'CLOSED' });
      await expect(api.caller.fines.waive({ id: fee.id, amount: '1', reason: 'GOODWILL' })).rejects.toThrow(
        'the fee is closed',
      );
      const { ledger } = await api.caller.fines.get({ id: fee.id });
      expect(ledger.filter((e) => e.action === 'WAIVE').map((e) => [e.amount, e.reason, e.comment])).toEqual([
        ['5.00', 'GOODWILL', 'first'],
        ['20.00', 'GOODWILL', null],
      ]);
    });

    it('waives selected fees and all of a filtered list, refusing more than the waiving limit at once', async () => {
      const userId = await newUser();
      const a = await addFee(userId, '60');
      const b = await addFee(userId, '50');
      const c = await api.caller.fines.add({ userId, type: 'CARD', amount: '20' });
      await expect(api.caller.fines.waiveSelected({ userId, ids: [a.id, b.id], reason: 'GOODWILL' })).rejects.toThrow(
        `waiving 110.00 ${api.institution.defaultCurrency} at once is above the waiving limit of 100.00`,
      );
      await expect(api.caller.fines.waiveAll({ userId, reason: 'GOODWILL' })).rejects.toThrow(
        'above the waiving limit of 100.00',
      );
      expect((await api.caller.fines.balances({ userId })).active).toBe('134.00');
      const selected = await api.caller.fines.waiveSelected({ userId, ids: [a.id], reason: 'GOODWILL' });
      expect(selected).toMatchObject({ total: '60.00' });
      await expect(api.caller.fines.waiveSelected({ userId, ids: [a.id], reason: 'GOODWILL' })).rejects.toThrow(
        'the fee is closed',
      );
      const byType = await api.caller.fines.waiveAll({ userId, type: 'CARD', reason: 'GOODWILL' });
      expect(byType.fees.map((f) => f.id)).toEqual([c.id]);
      const rest = await api.caller.fines.waiveAll({ userId, reason: 'GOODWILL', comment: 'all of it' });
      expect(rest.fees.map((f) => f.id)).toEqual([b.id]);
      expect((await api.caller.fines.balances({ userId })).active).toBe('0.00');
    });

    it('never waives below zero when two staff waive the same fee at once', async () => {
      const userId = await newUser();
      const fee = await addFee(userId, '100');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, () => api.caller.fines.waive({ id: fee.id, amount: '30', reason: 'GOODWILL' })),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
      for (const refused of outcomes.filter((o) => o.status === 'rejected'))
        expect(String(refused.reason)).toContain('must not be more than the remaining balance (10.00)');
      const read = await api.caller.fines.get({ id: fee.id });
      expect(read.remainingBalance).toBe('10.00');
      expect(read.ledger.filter((e) => e.action === 'WAIVE')).toHaveLength(3);
    });
  });

  describe('disputes and balances', () => {
    it('disputes and restores, leaving a disputed amount out of the active balance', async () => {
      const userId = await newUser();
      const owed = await addFee(userId, '100');
      const disputed = await addFee(userId, '20');
      await expect(api.caller.fines.restore({ id: disputed.id })).rejects.toThrow(
        'only a fee in dispute can be restored',
      );
      expect(await api.caller.fines.dispute({ id: disputed.id, comment: 'not mine' })).toMatchObject({
        status: 'IN_DISPUTE',
      });
      expect(await api.caller.fines.balances({ userId })).toEqual({
        active: '100.00',
        disputed: '20.00',
        transferred: '0.00',
        accrued: '0.00',
        currency: api.institution.defaultCurrency,
      });
      const balances = await api.kernel.services.get(finesServices.balances).balancesOf(api.institution.id, [userId]);
      expect(balances.get(userId)?.active).toBe('100.00');
      const page = await api.caller.fines.list({ userId, status: 'IN_DISPUTE' });
      expect(page.fees.map((f) => f.id)).toEqual([disputed.id]);
      expect(page.filteredDisputedBalance).toBe('20.00');
      expect(await api.caller.fines.restore({ id: disputed.id })).toMatchObject({ status: 'ACTIVE' });
      expect((await api.caller.fines.balances({ userId })).active).toBe('120.00');
      expect((await api.caller.fines.get({ id: owed.id })).status).toBe('ACTIVE');
    });

    it('lists a user’s fees by status and type, a bounded page at a time', async () => {
      const userId = await newUser();
      for (const amount of ['1', '2', '3']) await addFee(userId, amount);
      await api.caller.fines.add({ userId, type: 'CARD', amount: '4' });
      const first = await api.caller.fines.list({ userId, type: 'DAMAGE', limit: 2 });
      expect(first.total).toBe(3);
      expect(first.fees).toHaveLength(2);
      expect(first.filteredBalance).toBe('6.00');
      const second = await api.caller.fines.list({ userId, type: 'DAMAGE', limit: 2, offset: 2 });
      expect(second.fees).toHaveLength(1);
      await expect(api.caller.fines.list({ userId, limit: 101 })).rejects.toThrow();
    });

    it('links a fee to an item', async () => {
      const userId = await newUser();
      const fee = await addFee(userId, '3');
      await expect(api.caller.fines.linkItem({ id: fee.id, itemBarcode: ' ' })).rejects.toThrow(
        'itemBarcode: is required',
      );
      expect(await api.caller.fines.linkItem({ id: fee.id, itemBarcode: 'B-1', itemTitle: 'A book' })).toMatchObject({
        itemBarcode: 'B-1',
        itemTitle: 'A book',
      });
    });

    it('keeps a user who owes from deletion and shows the balance in Find and Manage Users', async () => {
      const owing = await newUser();
      const clear = await newUser();
      await addFee(owing, '7.5');
      expect(await api.caller.users.deletionCheck({ id: owing })).toEqual({
        reasons: [`balance due: 7.50 ${api.institution.defaultCurrency} in fines and fees`],
      });
      expect(await api.caller.users.deletionCheck({ id: clear })).toEqual({ reasons: [] });
      const page = await api.caller.users.search({ query: 'Fay', pageSize: 100 });
      expect(page.columns).toContainEqual({ id: 'fines', title: 'Fines' });
      expect(page.rows.find((r) => r.id === owing)?.extra['fines']).toBe('7.50');
      expect(page.rows.find((r) => r.id === clear)?.extra['fines']).toBe('0.00');
    });
  });

  it('removes the fees of a deleted user with the user', async () => {
    const userId = await newUser();
    const fee = await addFee(userId, '6');
    await api.caller.fines.pay({ id: fee.id, amount: '6', method: 'CASH' });
    await api.caller.users.delete({ id: userId });
    await vi.waitFor(async () => {
      await expect(api.caller.fines.get({ id: fee.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('events', () => {
    it('raises one event per action after its commit, with the amount; none for a refused action', async () => {
      const heard: string[] = [];
      for (const event of Object.values(finesEvents)) {
        api.kernel.events.subscribe(event, (payload: FeeEventPayload) => {
          heard.push(`${event.name} ${payload.amount}`);
        });
      }
      const userId = await newUser();
      const fee = await addFee(userId, '20');
      await api.caller.fines.pay({ id: fee.id, amount: '5', method: 'CASH' });
      await api.caller.fines.waive({ id: fee.id, amount: '5', reason: 'GOODWILL' });
      await api.caller.fines.dispute({ id: fee.id, comment: 'not mine' });
      await api.caller.fines.restore({ id: fee.id, comment: 'it was' });
      await expect(api.caller.fines.waive({ id: fee.id, amount: '50', reason: 'GOODWILL' })).rejects.toThrow();
      await api.caller.fines.refund({ id: fee.id, amount: '2', method: 'CASH' });
      await api.caller.fines.transfer({ id: fee.id });
      expect(heard).toEqual([
        'fee.added 20.00',
        'fee.paid 5.00',
        'fee.waived 5.00',
        'fee.disputed 0.00',
        'fee.restored 0.00',
        'fee.refunded 2.00',
        'fee.transferred 10.00',
      ]);
    });
  });

  describe('who may see and act', () => {
    it('keeps another institution’s fees and users out of reach', async () => {
      const userId = await newUser();
      const fee = await addFee(userId, '9');
      await expect(elsewhere.fines.get({ id: fee.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(elsewhere.fines.list({ userId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(elsewhere.fines.waive({ id: fee.id, amount: '9', reason: 'GOODWILL' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(elsewhere.fines.add({ userId, type: 'OTHER', amount: '1' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const own = await newUser(elsewhere);
      expect((await elsewhere.fines.list({ userId: own })).fees).toEqual([]);
      expect((await api.caller.fines.get({ id: fee.id })).remainingBalance).toBe('9.00');
    });

    it('refuses each action to a caller without its permission', async () => {
      const userId = await newUser();
      const fee = await addFee(userId, '9');
      const reader = api.callerFor({ permissions: new Set([finesPermissions.feeRead]) });
      expect((await reader.fines.list({ userId })).total).toBe(1);
      for (const call of [
        () => reader.fines.add({ userId, type: 'DAMAGE', amount: '1' }),
        () => reader.fines.pay({ id: fee.id, amount: '1', method: 'CASH' }),
        () => reader.fines.waive({ id: fee.id, amount: '1', reason: 'GOODWILL' }),
        () => reader.fines.dispute({ id: fee.id }),
        () => reader.fines.linkItem({ id: fee.id, itemBarcode: 'X' }),
        () => reader.fines.transfer({ id: fee.id }),
        () => reader.fines.refund({ id: fee.id, amount: '1', method: 'CASH' }),
      ])
        await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const nobody = api.callerFor({ permissions: new Set() });
      await expect(nobody.fines.list({ userId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect((await api.caller.fines.get({ id: fee.id })).remainingBalance).toBe('9.00');
    });
  });
});
