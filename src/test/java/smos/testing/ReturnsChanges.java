package smos.testing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Changes to the shipped returns policy that publishing tests make: a value change (the restocking fee
 * of an opened unit) with the scenario expectations it changes, and changes to code cells.
 */
public final class ReturnsChanges {
    public static final String POLICY = "decision-tables/returns/returns-policy.xlsx";
    public static final String CHANGE_OF_MIND = "scenarios/returns/change-of-mind.yaml";

    private ReturnsChanges() {
    }

    /** The shipped workbook with the opened-unit restocking fee rate set to {@code rate}: a value change. */
    public static byte[] policyWithFee(Path work, double rate) {
        Path copy = copyOfPolicy(work, "policy-" + rate + ".xlsx");
        String cell = Workbooks.cellOf(copy, "Outcome", "ChangedMindOpenedIsRefundedLessFee", "Restocking fee rate");
        Workbooks.set(copy, "Outcome", cell, rate);
        return read(copy);
    }

    /** The change-of-mind scenarios with the opened-unit expectations of a 20% fee, worked out by hand. */
    public static byte[] scenariosForTwentyPercent() {
        String text = readString(TestHomes.REPO.resolve(CHANGE_OF_MIND));
        text = text.replace("restockingFee: 30.00          # 199.99 x 0.15 = 29.9985, rounded half up to cents\n      refundAmount: 169.99",
                "restockingFee: 40.00          # 199.99 x 0.20 = 39.998\n      refundAmount: 159.99");
        text = text.replace("restockingFee: 37.35          # 249.00 x 0.15\n      refundAmount: 211.65",
                "restockingFee: 49.80          # 249.00 x 0.20\n      refundAmount: 199.20");
        text = text.replace("restockingFee: 0.02           # 0.10 x 0.15 = 0.015\n      refundAmount: 0.08",
                "restockingFee: 0.02           # 0.10 x 0.20 = 0.020\n      refundAmount: 0.08");
        if (!text.contains("159.99") || !text.contains("199.20")) {
            throw new IllegalStateException("the change-of-mind scenarios changed; update ReturnsChanges");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A scenario file of about {@code size} bytes: one shipped change-of-mind scenario (not touched by the
     * fee) repeated under distinct names. It passes, and takes the gate a while: a slow gate, legitimately.
     */
    public static byte[] bulkScenarios(int size) {
        String text = readString(TestHomes.REPO.resolve(CHANGE_OF_MIND));
        int start = text.indexOf("  - name: unopened router returned on the same day is refunded in full");
        int end = text.indexOf("\n\n", start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("the change-of-mind scenarios changed; update ReturnsChanges");
        }
        String scenario = text.substring(start, end + 1);
        StringBuilder bulk = new StringBuilder("domain: returns\nscenarios:\n");
        for (int i = 1; bulk.length() + scenario.length() + 10 < size; i++) {
            bulk.append(scenario.replaceFirst("refunded in full", "refunded in full (copy " + i + ")"));
        }
        return bulk.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A workbook with one code cell of sheet {@code sheet} changed from {@code from} to {@code to}, and that cell. */
    public record CodeChange(byte[] bytes, String sheet, String cell) {
    }

    public static CodeChange policyWithCodeCell(Path work, String sheet, String from, String to) {
        Path copy = copyOfPolicy(work, "code-" + Math.abs((from + to).hashCode()) + ".xlsx");
        String[] changed = new String[1];
        Workbooks.withSheet(copy, sheet, true, s -> {
            for (Row row : s) {
                for (Cell c : row) {
                    if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(from)) {
                        c.setCellValue(to);
                        changed[0] = c.getAddress().formatAsString();
                    }
                }
            }
        });
        if (changed[0] == null) {
            throw new IllegalStateException("no cell reads '" + from + "' on sheet " + sheet);
        }
        return new CodeChange(read(copy), sheet, changed[0]);
    }

    private static Path copyOfPolicy(Path work, String name) {
        try {
            Path copy = Files.createDirectories(work).resolve(name);
            Files.copy(TestHomes.REPO.resolve(POLICY), copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
