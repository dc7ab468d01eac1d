package smos.engine.table;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One worksheet: its RuleSet area (keyword to value cells, keywords lower-cased as Drools treats
 * them) and its RuleTables.
 */
public record SheetModel(String name, Map<String, List<TableCell>> properties, List<RuleTableModel> tables) {

    public List<TableCell> property(String keyword) {
        return properties.getOrDefault(keyword.toLowerCase(Locale.ROOT), List.of());
    }

    public String single(String keyword) {
        List<TableCell> cells = property(keyword);
        return cells.isEmpty() ? null : cells.get(0).text();
    }
}
