import type { BalanceSummary, FeePage } from '@ulms/fines/contracts';
import { formatMoney } from './money.js';

export interface FeeBalancesSummaryProps {
  readonly balances: BalanceSummary | undefined;
  /** The list's answer, whose filtered balances follow the filters. */
  readonly page: FeePage | undefined;
}

/** The summary area: the user's balances and those of the list as filtered. */
export function FeeBalancesSummary({ balances, page }: FeeBalancesSummaryProps) {
  const currency = balances?.currency ?? page?.currency ?? '';
  const show = (amount: string | undefined) => (amount === undefined ? '…' : formatMoney(amount, currency));
  const items: [string, string | undefined][] = [
    ['Active balance', balances?.active],
    ['Currently filtered balance', page?.filteredBalance],
    ['Disputed balance', balances?.disputed],
    ['Currently filtered disputed balance', page?.filteredDisputedBalance],
    ['Transferred balance', balances?.transferred],
    ['Accrued fines', balances?.accrued],
  ];
  return (
    <dl className="fines-summary" aria-label="Balances">
      {items.map(([label, amount]) => (
        <div key={label} className="fines-summary__item">
          <dt>{label}</dt>
          <dd className="fines-amount">{show(amount)}</dd>
        </div>
      ))}
    </dl>
  );
}
