package smos.checks;

import smos.checks.logic.Dimension;
import smos.checks.logic.HitPolicy;
import smos.checks.logic.Region;
import smos.checks.logic.RequestBounds;
import smos.checks.logic.TableConditions;
import smos.checks.logic.TableDeclaration;
import smos.engine.table.ColumnCode;
import smos.engine.table.RuleTableModel;
import smos.engine.table.TableRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the rows of a table relate: overlaps where the table means "one row applies", rows that can
 * never fire because earlier rows always win, and gaps (inputs no row matches) where the table must
 * always decide. Conditions must be comparisons of one field with the cell (enumerations,
 * true/false, numbers, text); a table with any other condition is reported as not analysed.
 */
final class TableLogicCheck implements TableCheck {
    static final String OVERLAP = "overlapping-rows";
    static final String NEVER_FIRES = "row-never-fires";
    static final String GAP = "gap";
    static final String NOT_ANALYSED = "not-analysed";
    static final String DECLARATION = "table-checks-declaration";
    private static final int MAX_REGIONS = 20_000;
    private static final int MAX_GAPS_REPORTED = 3;

    @Override
    public void check(CheckedSheet sheet, RuleTableModel table, Findings findings) {
        if (table.rows().isEmpty()) {
            return;
        }
        TableDeclaration declaration = TableDeclaration.read(sheet.model(), table);
        declaration.problems().forEach(p -> findings.error(DECLARATION, sheet.file(), sheet.name(),
                List.of(declaration.cell().ref()), p));
        HitPolicy policy = HitPolicy.of(sheet.model(), declaration);
        boolean complete = declaration.complete().orElse(policy.completeUnlessDeclared());
        if (policy == HitPolicy.SEVERAL && !complete) {
            // nothing to check, but say which conditions could not be read, so that silence means "checked"
            TableConditions conditions = TableConditions.read(sheet.model(), table, sheet.loader());
            if (!conditions.notAnalysed().isEmpty()) {
                findings.info(NOT_ANALYSED, sheet.file(), sheet.name(), cells(conditions), "conditions of table "
                        + table.name() + " SMOS cannot analyse, should the table declare 'Table checks': "
                        + reasons(conditions) + ".");
            }
            return;
        }
        String purpose = purpose(policy, complete);
        if (table.columns().stream().anyMatch(c -> c.code() == ColumnCode.ACTIVATION_GROUP)) {
            findings.warning(NOT_ANALYSED, sheet.file(), sheet.name(), List.of(table.start().ref()), "table "
                    + table.name() + " sets activation groups row by row, so " + purpose + " were not analysed.");
            return;
        }
        TableConditions conditions = TableConditions.read(sheet.model(), table, sheet.loader());
        if (!conditions.notAnalysed().isEmpty()) {
            findings.warning(NOT_ANALYSED, sheet.file(), sheet.name(), cells(conditions),
                    purpose.substring(0, 1).toUpperCase() + purpose.substring(1) + " of table " + table.name()
                    + " were not analysed: " + reasons(conditions)
                    + ". Only comparisons of one field with the cell's value (a choice, true/false, a number or a text) are analysed.");
            return;
        }
        Optional<Region> inputs = declaredInputs(sheet, table, declaration, conditions, findings);
        List<Region> rows = new ArrayList<>();
        for (TableRow row : table.rows()) {
            Optional<Region> region = conditions.regionOf(row);
            if (region.isEmpty()) {
                return; // a value that does not fit its column is reported by ColumnFitCheck
            }
            rows.add(region.get());
        }
        if (inputs.isEmpty()) {
            return;
        }
        Context context = new Context(sheet, table, rows, inputs.get(), findings);
        switch (policy) {
            case FIRST -> firstMatch(context);
            case ONE_OF, UNIQUE -> exclusive(context, policy);
            default -> { }
        }
        if (complete) {
            gaps(context, scoped(conditions, table, inputs.get()), policy == HitPolicy.FIRST || policy == HitPolicy.ONE_OF
                    ? "a table where one row applies must decide every input" : "the table is declared complete");
        }
    }

    private static List<String> cells(TableConditions conditions) {
        return conditions.notAnalysed().stream().map(n -> n.column().templateCell() == null
                ? n.column().headerCell().ref() : n.column().templateCell().ref()).toList();
    }

    private static String reasons(TableConditions conditions) {
        return conditions.notAnalysed().stream().map(n -> n.column().describe() + ": " + n.why())
                .collect(Collectors.joining("; "));
    }

    private record Context(CheckedSheet sheet, RuleTableModel table, List<Region> rows, Region inputs,
                           Findings findings) {
        String row(int i) {
            return Rows.describe(table, table.rows().get(i));
        }

        String cell(int i) {
            return Rows.nameCell(table, table.rows().get(i));
        }
    }

    private static String purpose(HitPolicy policy, boolean complete) {
        List<String> parts = new ArrayList<>();
        if (policy != HitPolicy.SEVERAL) {
            parts.add("overlaps");
        }
        if (complete) {
            parts.add("gaps");
        }
        return String.join(" and ", parts);
    }

    /** First match: a later row overlapping an earlier one is expected (information); one always beaten is an error. */
    private static void firstMatch(Context c) {
        for (int j = 0; j < c.rows.size(); j++) {
            Region mine = c.rows.get(j).intersect(c.inputs);
            List<Region> left = List.of(mine);
            List<Integer> earlier = new ArrayList<>();
            for (int i = 0; i < j && !left.isEmpty(); i++) {
                Region earlierRow = c.rows.get(i);
                if (!mine.intersect(earlierRow).isEmpty()) {
                    earlier.add(i);
                }
                left = left.stream().flatMap(r -> r.minus(earlierRow).stream()).toList();
            }
            if (left.isEmpty()) {
                List<String> cells = new ArrayList<>(List.of(c.cell(j)));
                earlier.forEach(i -> cells.add(c.cell(i)));
                c.findings.error(NEVER_FIRES, c.sheet.file(), c.sheet.name(), cells, c.row(j) + " can never fire: "
                        + "every input it matches is taken first by " + earlier.stream().map(c::row)
                        .collect(Collectors.joining(" and ")) + ". Move it up, narrow the rows above it, or delete it.");
                continue;
            }
            for (int i : earlier) {
                Region both = mine.intersect(c.rows.get(i));
                c.findings.info(OVERLAP, c.sheet.file(), c.sheet.name(), List.of(c.cell(i), c.cell(j)), "rows "
                        + (c.table.rows().get(i).row() + 1) + " and " + (c.table.rows().get(j).row() + 1)
                        + " both match, for example " + both.example() + ": " + c.row(i)
                        + " comes first and wins over " + c.row(j) + ".");
            }
        }
    }

    /** One row applies: any two rows that can both match are an error. */
    private static void exclusive(Context c, HitPolicy policy) {
        for (int i = 0; i < c.rows.size(); i++) {
            for (int j = i + 1; j < c.rows.size(); j++) {
                Region both = c.rows.get(i).intersect(c.rows.get(j)).intersect(c.inputs);
                if (both.isEmpty()) {
                    continue;
                }
                String consequence = policy == HitPolicy.UNIQUE
                        ? "the table is declared unique, yet both rows fire and the one that fires last decides. Make the rows exclusive."
                        : "only one of them fires, and the sheet does not say which. Make the rows exclusive, or set Sequential"
                        + " to true so that the first matching row wins.";
                c.findings.error(OVERLAP, c.sheet.file(), c.sheet.name(), List.of(c.cell(i), c.cell(j)), c.row(i)
                        + " and " + c.row(j) + " both match, for example " + both.example() + ": " + consequence);
            }
        }
    }

    /** Inputs no row matches, in a table that must decide them all. */
    private static void gaps(Context c, Region scope, String why) {
        List<Region> left = List.of(scope);
        for (Region row : c.rows) {
            left = left.stream().flatMap(r -> r.minus(row).stream()).toList();
            if (left.size() > MAX_REGIONS) {
                c.findings.warning(NOT_ANALYSED, c.sheet.file(), c.sheet.name(), List.of(c.table.start().ref()),
                        "gaps of table " + c.table.name() + " were not analysed: its conditions combine into more than "
                                + MAX_REGIONS + " cases.");
                return;
            }
        }
        List<Region> gaps = Region.simplify(left);
        for (int g = 0; g < Math.min(gaps.size(), MAX_GAPS_REPORTED); g++) {
            Region gap = gaps.get(g);
            String more = g == MAX_GAPS_REPORTED - 1 && gaps.size() > MAX_GAPS_REPORTED
                    ? " (" + (gaps.size() - MAX_GAPS_REPORTED) + " more such gaps are not listed)" : "";
            c.findings.error(GAP, c.sheet.file(), c.sheet.name(), List.of(c.table.start().ref()), "no row of table "
                    + c.table.name() + " matches when " + gap.describe() + " (for example " + gap.example() + "), but "
                    + why + ". Add a row for these inputs, or a last row that catches every other input." + more);
        }
    }

    /** The declared ranges of the table's inputs ({@code ladderStep >= 0}); empty when one is wrong. */
    private static Optional<Region> declaredInputs(CheckedSheet sheet, RuleTableModel table, TableDeclaration declaration,
                                                   TableConditions conditions, Findings findings) {
        Region inputs = Region.ANY;
        boolean ok = true;
        for (TableDeclaration.InputRange range : declaration.ranges()) {
            List<Dimension> named = conditions.inputs().stream()
                    .filter(d -> d.key().endsWith("." + range.field())).toList();
            try {
                if (named.isEmpty()) {
                    throw new IllegalArgumentException("no condition of table " + table.name() + " reads " + range.field());
                }
                for (Dimension d : named) {
                    inputs = inputs.with(d, d.where(range.op(), range.value()));
                }
            } catch (IllegalArgumentException e) {
                ok = false;
                findings.error(DECLARATION, sheet.file(), sheet.name(), List.of(declaration.cell().ref()),
                        "'" + TableDeclaration.KEYWORD + "' declares \"" + range + "\", but " + e.getMessage() + ".");
            }
        }
        // the request contract's bounds on a field of the same name: no example the contract refuses
        for (RequestBounds.Bound bound : sheet.requestBounds()) {
            for (Dimension d : conditions.inputs()) {
                boolean number = d.kind() == Dimension.Kind.WHOLE_NUMBER || d.kind() == Dimension.Kind.DECIMAL;
                if (number && d.key().endsWith("." + bound.field())) {
                    inputs = inputs.with(d, d.where(bound.op(), bound.value()));
                }
            }
        }
        return ok ? Optional.of(inputs) : Optional.empty();
    }

    /**
     * A condition column that holds the same value on every row (say {@code code == BEHIND_PACE})
     * names the facts the table is about: the gap check looks at those facts only.
     */
    private static Region scoped(TableConditions conditions, RuleTableModel table, Region inputs) {
        Region scope = inputs;
        for (TableConditions.Condition c : conditions.conditions()) {
            Dimension.Kind kind = c.input().kind();
            if (!c.op().equals("==") || kind == Dimension.Kind.WHOLE_NUMBER || kind == Dimension.Kind.DECIMAL) {
                continue;
            }
            List<String> values = table.rows().stream().map(c::value).distinct().toList();
            if (values.size() == 1 && values.get(0) != null) {
                scope = scope.with(c.input(), c.input().where("==", values.get(0)));
            }
        }
        return scope;
    }
}
