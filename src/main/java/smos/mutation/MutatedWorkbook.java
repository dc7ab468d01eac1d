package smos.mutation;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/** Writes one mutant into a copy of a workbook's bytes, keeping the cell's kind (number, true/false, text). */
final class MutatedWorkbook {
    private MutatedWorkbook() {
    }

    static byte[] apply(byte[] xlsx, CellMutant mutant) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Cell cell = workbook.getSheet(mutant.sheet()).getRow(mutant.row()).getCell(mutant.column());
            if (mutant.typedAsText() || mutant.kind() == CellMutant.Kind.CHOICE) {
                cell.setCellValue(mutant.mutated());
            } else if (mutant.kind() == CellMutant.Kind.NUMBER) {
                cell.setCellValue(new BigDecimal(mutant.mutated()).doubleValue());
            } else {
                cell.setCellValue(Boolean.parseBoolean(mutant.mutated()));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mutant " + mutant.describe(), e);
        }
    }
}
