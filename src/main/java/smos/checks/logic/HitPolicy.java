package smos.checks.logic;

import smos.engine.table.SheetModel;

/**
 * How the rows of a table combine, read from the RuleSet area (Drools' own keywords) and the
 * table's {@code Table checks} declaration:
 * <ul>
 *   <li>{@link #FIRST}: {@code Sequential true} and an {@code ACTIVATION-GROUP}: the first matching row
 *       wins. Overlaps are expected; a row that earlier rows always beat is an error.</li>
 *   <li>{@link #ONE_OF}: an {@code ACTIVATION-GROUP} without {@code Sequential}: one matching row fires,
 *       and the sheet does not say which, so rows must not overlap.</li>
 *   <li>{@link #UNIQUE}: declared {@code unique}: every matching row fires, and the table means that
 *       at most one matches, so rows must not overlap.</li>
 *   <li>{@link #SEVERAL}: otherwise: several rows may all apply (each adds its part).</li>
 * </ul>
 */
public enum HitPolicy {
    FIRST, ONE_OF, UNIQUE, SEVERAL;

    public static HitPolicy of(SheetModel sheet, TableDeclaration declaration) {
        boolean group = sheet.single("ACTIVATION-GROUP") != null;
        boolean sequential = "true".equalsIgnoreCase(String.valueOf(sheet.single("Sequential")).trim());
        if (declaration.unique()) {
            return UNIQUE;
        }
        if (group) {
            return sequential ? FIRST : ONE_OF;
        }
        return SEVERAL;
    }

    /** A table where one row applies must decide for every input (docs/decision-tables.md: its fall-through row written out). */
    public boolean completeUnlessDeclared() {
        return this == FIRST || this == ONE_OF;
    }
}
