import type { EvaluationSort, SortKey } from '../../lib/dashboard/filter-evaluations';

interface SortHeaderProps {
  label: string;
  sortKey: SortKey;
  sort: EvaluationSort;
  onSort: (key: SortKey) => void;
}

/** A column header whose button sorts by the column; aria-sort tells assistive tech the order. */
export function SortHeader({ label, sortKey, sort, onSort }: SortHeaderProps) {
  const active = sort.key === sortKey;
  const arrow = !active ? '' : sort.direction === 'ascending' ? '▲' : '▼';
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'}>
      <button type="button" class="sort-button" onClick={() => onSort(sortKey)}>
        {label}
        <span class="sort-arrow" aria-hidden="true">
          {arrow}
        </span>
      </button>
    </th>
  );
}
