import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useInsightsStyles } from "./useInsightsStyles.styles.js";

/** One row of an {@link InsightsTable}: a cell a column, in the headers' order. */
export interface InsightsTableRow {
  key: string;
  cells: readonly ReactNode[];
  /** The person picked in the network picture too: the row is marked. */
  selected?: boolean;
}

/** Props of {@link InsightsTable}. */
export interface InsightsTableProps {
  /** The table's accessible name. */
  label: string;
  headers: readonly string[];
  rows: readonly InsightsTableRow[];
  /** Wider than a narrow panel (the network's people): scrolls sideways in its wrapper instead. */
  wide?: boolean;
  /**
   * Each column's share of the width, in the headers' order (e.g. `"40%"`): a column of long text
   * gets room instead of an equal share (the table lays its columns out from its header).
   */
  widths?: readonly string[];
  testId?: string;
}

/** A small table of insights' figures (before and after, the network's people), scrolling sideways when narrow. */
export function InsightsTable({ label, headers, rows, wide = false, widths, testId }: InsightsTableProps) {
  const styles = useInsightsStyles();
  return (
    <Table className={wide ? styles.table : undefined} size="small" aria-label={label} data-testid={testId}>
      <TableHeader>
        <TableRow>
          {headers.map((header, column) => (
            <TableHeaderCell key={header} style={widths?.[column] ? { width: widths[column] } : undefined}>
              {header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow
            key={row.key}
            className={row.selected ? styles.selectedRow : undefined}
            aria-selected={row.selected}
          >
            {headers.map((header, column) => (
              <TableCell key={header}>{row.cells[column]}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
