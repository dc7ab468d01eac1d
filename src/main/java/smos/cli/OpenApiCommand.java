package smos.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import smos.api.ContractRoutes;
import smos.contract.DomainPages;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "openapi", mixinStandardHelpOptions = true,
        description = {"Write the OpenAPI 3.1 document of the HTTP API, the one GET /openapi.json serves, to FILE "
                + "(standard output without FILE).",
                "With --domain-docs DIR, also write each domain's field tables into DIR/<domain>.md, between the "
                        + "markers of its contract section."})
final class OpenApiCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "where to write the document, such as docs/openapi.json")
    Path file;

    @Option(names = "--domain-docs", paramLabel = "DIR", description = "the folder of the domain pages, such as docs/domains")
    Path domainDocs;

    @Override
    public Integer call() throws IOException {
        List<DecisionDomain<?, ?>> domains = DomainRegistry.discover();
        String document = ContractRoutes.document(domains);
        if (file == null && domainDocs == null) {
            System.out.print(document);
        }
        if (file != null) {
            Files.writeString(file, document, StandardCharsets.UTF_8);
            System.err.println("wrote " + file);
        }
        if (domainDocs != null) {
            DomainPages pages = new DomainPages(document);
            for (DecisionDomain<?, ?> domain : domains) {
                Path page = domainDocs.resolve(domain.id() + ".md");
                boolean changed = pages.write(page, domain.id());
                System.err.println((changed ? "wrote " : "up to date ") + page);
            }
        }
        return 0;
    }
}
