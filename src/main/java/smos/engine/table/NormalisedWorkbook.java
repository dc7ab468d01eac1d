package smos.engine.table;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import smos.engine.RuleProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A workbook (.xlsx or .xls) in the one form every reader of SMOS uses: the compiler (Drools' own
 * ExcelParser is handed this object), the table model, the checks, {@code table dump} and the reload's
 * comparison of code rows. Writers differ in what they store for the same sheet; here those
 * differences are taken out in memory, the file is never changed:
 * <ul>
 *   <li>a merged region covers all its cells: Drools reads a covered cell as the region's first cell,
 *       but only when the covered cell is stored, and openpyxl leaves them out. Every covered cell is
 *       created (blank), so a merged pattern covers its columns whatever program saved the file;</li>
 *   <li>a formula becomes its cached value (LibreOffice stores true as {@code =TRUE()}); a formula
 *       with no cached value (openpyxl writes none) is a problem naming the cell, since nothing says
 *       what it reads;</li>
 *   <li>inline and shared strings, and cells with only a style, need nothing: POI reads the first two
 *       alike and the second as blank, as Drools does.</li>
 * </ul>
 * Normalising the workbook object, rather than writing a normalised copy, keeps a single parse and
 * lets Drools' parser read exactly what SMOS's model reads.
 */
public final class NormalisedWorkbook implements AutoCloseable {
    private final Workbook workbook;
    private final List<RuleProblem> problems;

    private NormalisedWorkbook(Workbook workbook, List<RuleProblem> problems) {
        this.workbook = workbook;
        this.problems = List.copyOf(problems);
    }

    public static NormalisedWorkbook open(String file, byte[] bytes) throws IOException {
        Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes));
        List<RuleProblem> problems = new ArrayList<>();
        for (Sheet sheet : workbook) {
            valuesForFormulas(file, sheet, problems);
            coverMergedRegions(sheet);
        }
        return new NormalisedWorkbook(workbook, problems);
    }

    public Workbook workbook() {
        return workbook;
    }

    /** Formulas without a saved value, one problem per cell. */
    public List<RuleProblem> problems() {
        return problems;
    }

    private static void valuesForFormulas(String file, Sheet sheet, List<RuleProblem> problems) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() != CellType.FORMULA) {
                    continue;
                }
                if (cell instanceof XSSFCell x && !x.getCTCell().isSetV()) {
                    problems.add(RuleProblem.inCell(file, sheet.getSheetName(), cell.getAddress().formatAsString(),
                            "the formula =" + cell.getCellFormula() + " has no saved value (the program that wrote the"
                                    + " file did not calculate it): type the value itself, or open and save the file in"
                                    + " Excel or LibreOffice"));
                    cell.setBlank();
                    continue;
                }
                cell.removeFormula();
            }
        }
    }

    private static void coverMergedRegions(Sheet sheet) {
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            for (int r = range.getFirstRow(); r <= range.getLastRow(); r++) {
                Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
                for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) {
                    if (row.getCell(c) == null) {
                        row.createCell(c, CellType.BLANK);
                    }
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
