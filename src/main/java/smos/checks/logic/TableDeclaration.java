package smos.checks.logic;

import smos.engine.table.RuleTableModel;
import smos.engine.table.SheetModel;
import smos.engine.table.TableCell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sheet declares about its tables in the RuleSet area, in a {@code Table checks} row, or a
 * {@code Table checks <table name>} row for one table (Drools ignores keywords it does not know):
 * comma-separated words
 * <ul>
 *   <li>{@code unique}: at most one row matches any input, so overlapping rows are errors;</li>
 *   <li>{@code complete} / {@code incomplete}: every input must (need not) match a row; first-match
 *       tables are complete unless they say otherwise, other tables incomplete;</li>
 *   <li>{@code <field> <op> <value>}, e.g. {@code ladderStep >= 0}: the only values an input takes, so
 *       that the gap check does not ask for rows no fact can reach.</li>
 * </ul>
 */
public record TableDeclaration(TableCell cell, boolean unique, Optional<Boolean> complete, List<InputRange> ranges,
                               List<String> problems) {
    public static final String KEYWORD = "Table checks";
    private static final Pattern RANGE = Pattern.compile("^(\\w+)\\s*(==|!=|<=|>=|<|>)\\s*(.+)$");

    /** A declared bound on one input: {@code ladderStep >= 0}. */
    public record InputRange(String field, String op, String value) {
        @Override
        public String toString() {
            return field + " " + op + " " + value;
        }
    }

    /**
     * The declaration of one table: a row {@code Table checks <table name>} when the sheet has one for
     * it (a sheet of several tables, as Drools allows), else the sheet's {@code Table checks} row.
     */
    public static TableDeclaration read(SheetModel sheet, RuleTableModel table) {
        List<TableCell> own = sheet.property(KEYWORD + " " + table.name());
        return read(own.isEmpty() ? sheet.property(KEYWORD) : own);
    }

    public static TableDeclaration read(SheetModel sheet) {
        return read(sheet.property(KEYWORD));
    }

    private static TableDeclaration read(List<TableCell> cells) {
        if (cells.isEmpty()) {
            return new TableDeclaration(null, false, Optional.empty(), List.of(), List.of());
        }
        TableCell cell = cells.get(0);
        boolean unique = false;
        Boolean complete = null;
        List<InputRange> ranges = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (cells.size() > 1) {
            problems.add("the sheet has " + cells.size() + " '" + KEYWORD + "' rows; keep one");
        }
        for (String part : cell.text().split(",")) {
            String word = part.trim();
            Matcher range = RANGE.matcher(word);
            switch (word.toLowerCase(Locale.ROOT)) {
                case "" -> { }
                case "unique" -> unique = true;
                case "complete" -> complete = Boolean.TRUE;
                case "incomplete" -> complete = Boolean.FALSE;
                default -> {
                    if (range.matches()) {
                        ranges.add(new InputRange(range.group(1), range.group(2), range.group(3).trim()));
                    } else {
                        problems.add("'" + KEYWORD + "' does not know \"" + word + "\": use unique, complete, "
                                + "incomplete or a range such as ladderStep >= 0, separated by commas");
                    }
                }
            }
        }
        return new TableDeclaration(cell, unique, Optional.ofNullable(complete), List.copyOf(ranges), List.copyOf(problems));
    }
}
