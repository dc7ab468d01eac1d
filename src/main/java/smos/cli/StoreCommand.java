package smos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import smos.engine.DomainRegistry;
import smos.publish.Gate;
import smos.scenarios.ScenarioLoader;
import smos.service.DecisionService;
import smos.store.PostgresRuleStore;
import smos.store.StoreTransfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code smos store import|export}: seeds a shared rule store from a folder, or writes it back as files. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Move rules between a folder and the shared rule store (PostgreSQL) of several replicas.",
                "  smos store import DIR --store jdbc:postgresql://host/db   (seeds an empty store; every domain gated first)",
                "  smos store export DIR --store jdbc:postgresql://host/db   (the active versions as plain files: a backup)"},
        subcommands = {StoreCommand.Import.class, StoreCommand.Export.class})
final class StoreCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Seed an empty store from DIR's rules/, decision-tables/ and scenarios/; each domain must "
                    + "compile and pass its scenarios, or nothing is imported.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Mixin StoreOptions store;
        @Option(names = "--replace", description = "Import into a store that already has versions: the folder's "
                + "files are published on top of the active versions (the history keeps them).")
        boolean replace;
        @Option(names = "--by", defaultValue = "${env:USER:-import}", description = "Name recorded in the history "
                + "(default: $USER).")
        String by;

        @Override
        public Integer call() throws IOException {
            Path folder = dir.toAbsolutePath().normalize();
            DomainRegistry registry = new DomainRegistry(folder, DomainRegistry.discover());
            Gate gate = new Gate(registry, new DecisionService(registry, () -> ScenarioLoader.examples(folder)));
            try (PostgresRuleStore rules = PostgresRuleStore.open(required(store))) {
                List<String> lines = StoreTransfer.importFolder(folder, rules, registry, gate, by, replace);
                lines.forEach(System.out::println);
                return 0;
            } catch (StoreTransfer.ImportRefused e) {
                System.err.println("error: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every domain's active version into DIR as rules/, decision-tables/ and scenarios/ "
                    + "(a new or empty folder).")
    static final class Export implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DIR") Path dir;
        @Mixin StoreOptions store;

        @Override
        public Integer call() throws IOException {
            try (PostgresRuleStore rules = PostgresRuleStore.open(required(store))) {
                StoreTransfer.exportTo(dir, rules).forEach(System.out::println);
                return 0;
            }
        }
    }

    private static smos.store.StoreAddress required(StoreOptions store) throws IOException {
        if (!store.configured()) {
            throw new IllegalArgumentException("give the store: --store jdbc:postgresql://host/db (or $SMOS_STORE)");
        }
        return store.address();
    }
}
