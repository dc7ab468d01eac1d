package smos.engine.table;

import smos.engine.RuleProblem;

import java.util.List;

/** A decision-table workbook as read from disk: its sheets, and the problems found reading them. */
public record WorkbookModel(String file, List<SheetModel> sheets, List<RuleProblem> problems) {
}
