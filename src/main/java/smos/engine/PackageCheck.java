package smos.engine;

import smos.engine.table.ColumnCode;
import smos.engine.table.SheetModel;
import smos.engine.table.TableCell;
import smos.engine.table.WorkbookModel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rule attributes in a RuleSet area (a stage, a first-match group) apply to the whole package, not
 * only to the sheet: two sheets sharing a package would silently share them. Each sheet that sets
 * such attributes must therefore have a package of its own.
 */
final class PackageCheck {
    private static final Pattern DRL_PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Set<ColumnCode> PACKAGE_ATTRIBUTES = EnumSet.range(ColumnCode.PRIORITY, ColumnCode.DATE_EXPIRES);

    private PackageCheck() {
    }

    private record Source(String file, String sheet, TableCell cell, boolean setsAttributes) {
    }

    static List<RuleProblem> check(List<WorkbookModel> workbooks, Map<String, String> drlFiles) {
        Map<String, List<Source>> byPackage = new LinkedHashMap<>();
        for (WorkbookModel workbook : workbooks) {
            for (SheetModel sheet : workbook.sheets()) {
                sheet.property("RuleSet").stream().findFirst().ifPresent(cell -> byPackage
                        .computeIfAbsent(cell.text(), k -> new ArrayList<>())
                        .add(new Source(workbook.file(), sheet.name(), cell, setsAttributes(sheet))));
            }
        }
        drlFiles.forEach((path, text) -> {
            Matcher m = DRL_PACKAGE.matcher(text);
            if (m.find()) {
                byPackage.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new Source(path, null, null, false));
            }
        });
        List<RuleProblem> problems = new ArrayList<>();
        byPackage.forEach((pkg, sources) -> {
            if (sources.size() < 2) {
                return;
            }
            for (Source source : sources) {
                if (source.setsAttributes()) {
                    problems.add(RuleProblem.inCell(source.file(), source.sheet(), source.cell().ref(),
                            "RuleSet " + pkg + " is also used by " + others(sources, source)
                                    + ", but this sheet's rule attributes apply to the whole package; give the sheet a RuleSet name of its own"));
                }
            }
        });
        return problems;
    }

    private static boolean setsAttributes(SheetModel sheet) {
        for (ColumnCode code : PACKAGE_ATTRIBUTES) {
            if (!sheet.property(code.header()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String others(List<Source> sources, Source self) {
        List<String> names = new ArrayList<>();
        for (Source s : sources) {
            if (s != self) {
                names.add(s.sheet() == null ? s.file() : "sheet " + s.sheet() + " of " + s.file());
            }
        }
        return String.join(", ", names);
    }
}
