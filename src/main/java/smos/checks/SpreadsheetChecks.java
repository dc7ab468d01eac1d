package smos.checks;

import org.apache.poi.ss.usermodel.Sheet;
import smos.checks.logic.RequestBounds;
import smos.engine.DomainRegistry;
import smos.engine.DomainSources;
import smos.engine.RuleProblem;
import smos.engine.SourceFile;
import smos.engine.table.CellText;
import smos.engine.table.NormalisedWorkbook;
import smos.engine.table.RuleTableModel;
import smos.engine.table.SheetModel;
import smos.engine.table.WorkbookModel;
import smos.engine.table.WorkbookReader;

import java.io.IOException;
import java.util.List;

/**
 * Checks a domain's decision-table workbooks for the mistakes business users make and Drools says
 * nothing about: rows after a blank row, hidden rows, values outside the table, numbers stored as
 * text, curly quotes and stray spaces, values that do not fit their column, missing and repeated
 * rule names, empty tables, overlapping rows, rows that never fire and gaps. Run by {@code verify},
 * by the publishing gate and by the test suite; see docs/spreadsheet-checks.md.
 */
public final class SpreadsheetChecks {
    private static final List<TableCheck> TABLE_CHECKS = List.of(
            new EmptyTableCheck(), new BlankRowCheck(), new HiddenRowCheck(), new OutsideColumnsCheck(),
            new QuotesAndSpacesCheck(), new NumbersAsTextCheck(), new ColumnFitCheck(), new MergedDataCheck(),
            new TableLogicCheck());
    static final String SKIPPED_SHEET = "skipped-sheet";
    static final String IGNORED_FILE = "ignored-file";

    private final ClassLoader loader;

    public SpreadsheetChecks(ClassLoader loader) {
        this.loader = loader;
    }

    public SpreadsheetChecks() {
        this(SpreadsheetChecks.class.getClassLoader());
    }

    /** Every finding in the domain's workbooks (DRL files are not spreadsheets and are skipped). */
    public List<Finding> check(DomainSources sources) {
        Findings findings = new Findings();
        RuleNameCheck names = new RuleNameCheck();
        for (String ignored : sources.ignored()) {
            findings.warning(IGNORED_FILE, ignored, null, List.of(), "not a rule file, so SMOS does not read it: decision"
                    + " tables are .xlsx or .xls workbooks in decision-tables/<domain>, DRL files .drl in rules/<domain>.");
        }
        List<RequestBounds.Bound> bounds = DomainRegistry.discover().stream().filter(d -> d.id().equals(sources.domain()))
                .findFirst().map(d -> RequestBounds.of(d.requestType())).orElse(List.of());
        for (SourceFile file : sources.files()) {
            if (file.kind() == SourceFile.Kind.DECISION_TABLE) {
                checkWorkbook(file.path(), file.bytes(), names, findings, bounds);
            }
        }
        return findings.list();
    }

    /** Every finding in one workbook. */
    public List<Finding> check(String file, byte[] bytes) {
        return check(file, bytes, null);
    }

    /** Every finding in one workbook of a domain whose request is {@code requestType} (its bounds limit the inputs). */
    public List<Finding> check(String file, byte[] bytes, Class<?> requestType) {
        Findings findings = new Findings();
        checkWorkbook(file, bytes, new RuleNameCheck(), findings,
                requestType == null ? List.of() : RequestBounds.of(requestType));
        return findings.list();
    }

    private void checkWorkbook(String file, byte[] bytes, RuleNameCheck names, Findings findings,
                               List<RequestBounds.Bound> bounds) {
        try (NormalisedWorkbook workbook = NormalisedWorkbook.open(file, bytes)) {
            checkWorkbook(file, workbook, names, findings, bounds);
        } catch (IOException | RuntimeException e) {
            findings.error("unreadable", file, null, List.of(), "cannot be opened as an .xlsx or .xls workbook: " + e.getMessage());
        }
    }

    private void checkWorkbook(String file, NormalisedWorkbook workbook, RuleNameCheck names, Findings findings,
                               List<RequestBounds.Bound> bounds) {
        WorkbookModel model = WorkbookReader.read(file, workbook);
        for (RuleProblem problem : model.problems()) {
            findings.error("unreadable", file, problem.sheet(), problem.cell() == null ? List.of() : List.of(problem.cell()),
                    problem.message());
        }
        if (model.sheets().isEmpty()) {
            return;
        }
        try {
            CellText text = new CellText(workbook.workbook().getCreationHelper().createFormulaEvaluator());
            for (SheetModel sheetModel : model.sheets()) {
                Sheet stored = workbook.workbook().getSheet(sheetModel.name());
                CheckedSheet sheet = new CheckedSheet(file, sheetModel, stored, text, loader, bounds);
                if (sheetModel.tables().isEmpty()) {
                    findings.info(SKIPPED_SHEET, file, sheetModel.name(), List.of(), "sheet " + sheetModel.name()
                            + " has no RuleTable cell, so it holds no rules: skipped (as Drools skips it).");
                }
                for (RuleTableModel table : sheetModel.tables()) {
                    for (TableCheck check : TABLE_CHECKS) {
                        check.check(sheet, table, findings);
                    }
                    names.check(sheet, table, findings);
                }
            }
        } catch (RuntimeException e) {
            // a workbook Drools cannot read is refused by the compiler; a failing check must not refuse it
            findings.warning("unchecked", file, null, List.of(), "SMOS could not finish checking this workbook: " + e);
        }
    }
}
