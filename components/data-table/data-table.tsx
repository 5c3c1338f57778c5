'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { createColumnHelper, rowSelectionFeature, tableFeatures, useTable, type ColumnDef, type RowSelectionState } from '@tanstack/react-table';
import { isTypingTarget, usePageShortcuts } from '@/components/shell/page-shortcuts';
import { cn } from '@/components/ui/cn';

export const dataTableFeatures = tableFeatures({ rowSelectionFeature });
export type DataTableFeatures = typeof dataTableFeatures;

/** Column helper bound to the shared features; rows carry a string `id` (Mastodon ids are 64-bit). */
export function dataTableColumns<Row extends { id: string }>() {
  return createColumnHelper<DataTableFeatures, Row>();
}

export type DataTableColumn<Row extends { id: string }> = ColumnDef<DataTableFeatures, Row, unknown>;

export interface DataTableProps<Row extends { id: string }> {
  columns: DataTableColumn<Row>[];
  data: Row[];
  /** Accessible name of the table. */
  label: string;
  /** Where Enter (or a click on the row's first link) goes. */
  rowHref?: (row: Row) => string;
  /** Adds a checkbox column and x/Shift+x selection; the bar renders above the table when something is selected. */
  selectionBar?: (selectedIds: string[], clear: () => void) => ReactNode;
  empty?: ReactNode;
  /** Extra key handling on the focused row (e.g. `a` to assign); return true when handled. */
  onRowKey?: (key: string, row: Row) => boolean;
  /** Extra shortcuts to list in the `?` dialog, already translated. */
  extraShortcuts?: Array<{ keys: string[]; label: string }>;
  rowTestId?: string;
}

/**
 * Server data, client navigation: pages fetch, filter, sort and paginate on the server (state in
 * the URL); this table renders the rows and adds selection and keyboard moves (j/k, x, Enter).
 */
export function DataTable<Row extends { id: string }>({ columns, data, label, rowHref, selectionBar, empty, onRowKey, extraShortcuts = [], rowTestId = 'data-row' }: DataTableProps<Row>) {
  const t = useTranslations('dataTable');
  const router = useRouter();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [focusIndex, setFocusIndex] = useState<number>(-1);
  const rowRefs = useRef<Array<HTMLTableRowElement | null>>([]);
  const selectable = !!selectionBar;

  const allColumns = useMemo(() => {
    if (!selectable) return columns;
    const select: DataTableColumn<Row> = {
      id: '__select',
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label={t('selectAll')}
          className="size-4 rounded border-zinc-400"
          checked={table.getIsAllRowsSelected()}
          ref={(el) => {
            if (el) el.indeterminate = table.getIsSomeRowsSelected();
          }}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={t('selectRow')}
          className="size-4 rounded border-zinc-400"
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
          onClick={(e) => e.stopPropagation()}
        />
      ),
    };
    return [select, ...columns];
  }, [columns, selectable, t]);

  const table = useTable({
    features: dataTableFeatures,
    columns: allColumns,
    data,
    getRowId: (row: Row) => row.id,
    enableRowSelection: selectable,
    state: { rowSelection },
    onRowSelectionChange: setRowSelection,
  });

  // Rows that left the page (after an action or paging) cannot stay selected.
  useEffect(() => {
    const ids = new Set(data.map((r) => r.id));
    setRowSelection((current) => Object.fromEntries(Object.entries(current).filter(([id]) => ids.has(id))));
    setFocusIndex((i) => Math.min(i, data.length - 1));
  }, [data]);

  const focusRow = useCallback((index: number) => {
    setFocusIndex(index);
    rowRefs.current[index]?.focus();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTypingTarget(e.target)) return;
      if (data.length === 0) return;
      const current = focusIndex >= 0 ? data[focusIndex] : undefined;
      if (e.key === 'j' || e.key === 'ArrowDown') {
        if (e.key === 'ArrowDown' && focusIndex < 0) return;
        e.preventDefault();
        focusRow(Math.min(data.length - 1, focusIndex + 1));
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        if (e.key === 'ArrowUp' && focusIndex < 0) return;
        e.preventDefault();
        focusRow(Math.max(0, focusIndex - 1));
      } else if (e.key === 'x' && selectable && current) {
        e.preventDefault();
        setRowSelection((sel) => {
          const { [current.id]: wasSelected, ...rest } = sel;
          return wasSelected ? rest : { ...rest, [current.id]: true };
        });
      } else if (e.key === 'Enter' && current && rowHref && document.activeElement === rowRefs.current[focusIndex]) {
        e.preventDefault();
        router.push(rowHref(current));
      } else if (current && onRowKey?.(e.key, current)) {
        e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [data, focusIndex, focusRow, onRowKey, router, rowHref, selectable]);

  usePageShortcuts([
    { keys: ['j'], label: t('shortcutNext') },
    { keys: ['k'], label: t('shortcutPrevious') },
    ...(rowHref ? [{ keys: ['Enter'], label: t('shortcutOpen') }] : []),
    ...(selectable ? [{ keys: ['x'], label: t('shortcutSelect') }] : []),
    ...extraShortcuts,
  ]);

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);

  return (
    <div>
      {selectable && selectedIds.length > 0 ? (
        <div className="sticky top-12 z-10 mb-2 flex flex-wrap items-center gap-3 rounded-md bg-indigo-50 px-3 py-2 text-sm ring-1 ring-indigo-200 dark:bg-indigo-950 dark:ring-indigo-800" role="region" aria-label={t('bulkActions')}>
          <span className="font-medium" data-testid="selected-count">
            {t('selected', { count: selectedIds.length })}
          </span>
          {selectionBar(selectedIds, () => setRowSelection({}))}
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
        <table className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800" aria-label={label}>
          <thead className="bg-zinc-50 dark:bg-zinc-800/60">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col" className="px-3 py-2.5 text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-300">
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={allColumns.length} className="px-3 py-10 text-center text-zinc-600 dark:text-zinc-400">
                  {empty ?? t('empty')}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row, index) => (
                <tr
                  key={row.id}
                  ref={(el) => {
                    rowRefs.current[index] = el;
                  }}
                  tabIndex={focusIndex === index ? 0 : -1}
                  data-testid={rowTestId}
                  data-row-id={row.id}
                  aria-selected={selectable ? row.getIsSelected() : undefined}
                  onFocus={() => setFocusIndex(index)}
                  className={cn(
                    'outline-none focus:bg-indigo-50 focus:ring-2 focus:ring-indigo-500 focus:ring-inset dark:focus:bg-indigo-950/60',
                    row.getIsSelected() && 'bg-indigo-50/70 dark:bg-indigo-950/40',
                  )}
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2.5 align-top">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
