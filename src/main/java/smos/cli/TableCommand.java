package smos.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.engine.table.TableImport;
import smos.tabletext.WorkbookText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code table dump FILE.xlsx}: every sheet as aligned text, for reading and for {@code git diff};
 * {@code table import FILE --domain D [--write OUT]}: what a table written for plain Drools needs to serve in a domain.
 */
@Command(name = "table", mixinStandardHelpOptions = true, description = "Tools for decision-table workbooks.",
        subcommands = {TableCommand.Dump.class, TableCommand.Import.class})
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

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Report what a decision table written for plain Drools needs to serve in a domain: a RuleSet, an",
                    "Import that finds the domain's facts, a stage, a NAME column. With --write, add the NAME column and the",
                    "hidden code-row grouping and write the result to a new file (the input is never changed).",
                    "Exit code 1 while something is still needed."})
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The .xlsx or .xls workbook.")
        Path file;

        @Option(names = "--domain", required = true, description = "The domain the table is for (its facts and stages).")
        String domain;

        @Option(names = "--write", paramLabel = "OUT", description = "Write the table with what SMOS adds to OUT (same format as FILE).")
        Path write;

        @Override
        public Integer call() throws IOException {
            DecisionDomain<?, ?> target = DomainRegistry.discover().stream().filter(d -> d.id().equals(domain)).findFirst()
                    .orElseThrow(() -> new ParameterException(new CommandLine(this), "no domain " + domain + "; domains: "
                            + DomainRegistry.discover().stream().map(DecisionDomain::id).sorted().toList()));
            byte[] bytes = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            List<String> lines = TableImport.report(name, bytes, target, TableCommand.class.getClassLoader());
            lines.forEach(System.out::println);
            if (write != null) {
                String suffix = name.substring(name.lastIndexOf('.'));
                if (!write.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
                    throw new ParameterException(new CommandLine(this), "--write must end with " + suffix + ", as " + name + " does");
                }
                Files.write(write, TableImport.rewrite(name, bytes));
                System.out.println("wrote   " + write);
            }
            System.out.flush();
            return lines.stream().anyMatch(l -> l.startsWith("needs")) ? 1 : 0;
        }
    }
}
