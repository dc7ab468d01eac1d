package smos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import smos.tabletext.WorkbookText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code table dump FILE.xlsx}: every sheet as aligned text, for reading and for {@code git diff}. */
@Command(name = "table", mixinStandardHelpOptions = true, description = "Tools for decision-table workbooks.",
        subcommands = TableCommand.Dump.class)
final class TableCommand {

    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = {"Print every sheet of a workbook as aligned text: one line per row, cells under their column.",
                    "Register it as a git diff driver to see spreadsheet changes as lines (README, 'Readable diffs')."})
    static final class Dump implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The .xlsx workbook.")
        Path file;

        @Override
        public Integer call() throws IOException {
            System.out.print(WorkbookText.of(Files.readAllBytes(file)));
            System.out.flush();
            return 0;
        }
    }
}
