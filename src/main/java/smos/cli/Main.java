package smos.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code smos}: the decision service and its tools in one jar. */
@Command(name = "smos", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "SMOS decision service: sales policy as Drools rules and decision tables.",
        subcommands = {ServeCommand.class, DecideCommand.class, TestCommand.class, VerifyCommand.class,
                PublishCommand.class, HistoryCommand.class, DiffCommand.class, RollbackCommand.class, TableCommand.class,
                AuditCommand.class, ImpactCommand.class, OpenApiCommand.class, StoreCommand.class, StatusCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            // the tools print their own results; the engine's progress logging would only be noise
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (used by tests without exiting the JVM). */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    // a wrong folder or an unreadable file is the user's to fix: say it in one line
                    commandLine.getErr().println("error: " + e.getMessage());
                    return 2;
                })
                .execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"smos " + (version == null ? "(development build)" : version)};
        }
    }
}
