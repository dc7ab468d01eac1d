package smos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import smos.publish.LocalRuleStore;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Verify the rule history on disk, offline: every entry parses and is whole, every stored file",
                "hashes to its name. Prints what is damaged; exit 1 if anything is, 0 if all is intact."})
final class HistoryCheckCommand implements Callable<Integer> {
    @Option(names = "--home", paramLabel = "DIR", defaultValue = "${env:SMOS_HOME:-.}",
            description = "The SMOS home (default: $SMOS_HOME or the current folder).")
    Path home;

    @Option(names = "--history", paramLabel = "DIR", defaultValue = "${env:SMOS_HISTORY}",
            description = "Folder of the rule history (default: $SMOS_HISTORY or .smos/history in the home).")
    Path history;

    @Override
    public Integer call() {
        LocalRuleStore store = new LocalRuleStore(home, history);
        List<String> damage = store.check();
        damage.forEach(d -> System.out.println("DAMAGED " + d));
        System.out.println(damage.isEmpty() ? "history in " + store.historyDir() + " is intact"
                : damage.size() + " damaged in " + store.historyDir());
        return damage.isEmpty() ? 0 : 1;
    }
}
