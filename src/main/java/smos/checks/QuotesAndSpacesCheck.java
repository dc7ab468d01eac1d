package smos.checks;

import smos.engine.table.ColumnTypes;
import smos.engine.table.RuleTableModel;
import smos.engine.table.TableCell;
import smos.engine.table.TableColumn;
import smos.engine.table.TableRow;
import smos.engine.table.ValueType;

import java.util.List;

/**
 * Curly quotes and stray spaces, the marks Excel's autocorrect and copy-paste leave behind. In a
 * number, choice or true/false column (and in code) they break the value; in a text column they end
 * up in the text people read. Leading and trailing ordinary spaces are trimmed, so they only warn;
 * a non-breaking space is invisible and never trimmed.
 */
final class QuotesAndSpacesCheck implements TableCheck {
    static final String QUOTES = "curly-quotes";
    static final String SPACES = "stray-spaces";
    private static final String CURLY = "\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u2032\u2033\u00AB\u00BB";
    private static final String OPENING = "\u2018\u201A\u201B\u201C\u201E\u201F\u00AB";
    private static final String CLOSING = "\u2019\u201D\u00BB";
    private static final int PATTERN_ROW = 2;
    private static final int TEMPLATE_ROW = 3;

    @Override
    public void check(CheckedSheet sheet, RuleTableModel table, Findings findings) {
        ColumnTypes types = sheet.types(table);
        for (TableColumn column : table.columns()) {
            checkCode(sheet, table.start().row() + PATTERN_ROW, column.column(), findings);
            checkCode(sheet, table.start().row() + TEMPLATE_ROW, column.column(), findings);
        }
        for (TableRow row : table.rows()) {
            for (TableCell cell : row.cells().values()) {
                table.column(cell.column()).ifPresent(column ->
                        checkValue(sheet, cell, column, types.of(column), findings));
            }
        }
    }

    private static void checkCode(CheckedSheet sheet, int row, int column, Findings findings) {
        String typed = sheet.typedText(row, column);
        if (typed == null) {
            return;
        }
        String ref = TableCell.ref(row, column);
        if (hasCurly(typed)) {
            findings.error(QUOTES, sheet.file(), sheet.name(), List.of(ref), "the code \"" + typed.trim()
                    + "\" holds curly quotes: Drools needs straight quotes (\" and ').");
        } else if (hasOddSpace(typed)) {
            findings.error(SPACES, sheet.file(), sheet.name(), List.of(ref), "the code \"" + typed.trim()
                    + "\" holds an invisible non-breaking space, which Drools cannot read: retype it with ordinary spaces.");
        }
    }

    private static void checkValue(CheckedSheet sheet, TableCell cell, TableColumn column, ValueType type,
                                   Findings findings) {
        String typed = sheet.typedText(cell.row(), cell.column());
        if (typed == null) {
            return;
        }
        String shown = typed.strip();
        List<String> at = List.of(cell.ref());
        String where = " (" + column.describe() + ")";
        boolean text = type instanceof ValueType.Text;
        if (hasCurly(typed)) {
            if (!text) {
                findings.error(QUOTES, sheet.file(), sheet.name(), at, "\"" + shown + "\" holds curly quotes: this column takes "
                        + type.describe() + ", typed without quotes" + where + ".");
                return;
            }
            if (shown.length() > 1 && OPENING.indexOf(shown.charAt(0)) >= 0
                    && CLOSING.indexOf(shown.charAt(shown.length() - 1)) >= 0) {
                findings.warning(QUOTES, sheet.file(), sheet.name(), at, shown + " is wrapped in curly quotes, which"
                        + " become part of the text people read; remove them unless they are meant" + where + ".");
            }
        }
        if (hasOddSpace(typed)) {
            if (!text) {
                findings.error(SPACES, sheet.file(), sheet.name(), at, "\"" + shown + "\" holds an invisible non-breaking "
                        + "space, so it is not the value it looks like: retype it" + where + ".");
                return;
            }
            if (hasOddSpace(typed.substring(0, 1)) || hasOddSpace(typed.substring(typed.length() - 1))) {
                findings.warning(SPACES, sheet.file(), sheet.name(), at, "\"" + shown + "\" starts or ends with an "
                        + "invisible non-breaking space, which stays in the text: delete it" + where + ".");
                return;
            }
        }
        if (!typed.equals(typed.trim())) {
            findings.warning(SPACES, sheet.file(), sheet.name(), at, "\"" + typed.trim() + "\" has a space at its "
                    + (Character.isWhitespace(typed.charAt(0)) ? "start" : "end")
                    + ": SMOS ignores it, but delete it so that the cell holds exactly its value" + where + ".");
        }
    }

    private static boolean hasCurly(String text) {
        return text.chars().anyMatch(c -> CURLY.indexOf(c) >= 0);
    }

    /** Spaces {@link String#trim()} keeps: non-breaking, narrow, figure and zero-width spaces. */
    static boolean hasOddSpace(String text) {
        return text.chars().anyMatch(c -> c > ' ' && (Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'));
    }
}
