package smos.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import smos.api.ContractRoutes;
import smos.contract.OpenApiDocument;
import smos.contract.RequestSchema;
import smos.contract.SchemaNames;
import smos.engine.DecisionDomain;
import smos.engine.DomainRegistry;
import smos.request.Json;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The form is drawn from the very schema the OpenAPI document publishes for each domain's request. */
class TryFormSchemaTest {

    @Test
    void eachDomainsRequestSchemaIsTheDocumentsDefinitionAndEveryOneItRefersTo() throws Exception {
        List<DecisionDomain<?, ?>> domains = DomainRegistry.discover();
        JsonNode published = Json.mapper().readTree(ContractRoutes.document(domains)).at("/components/schemas");
        Map<String, RequestSchema> schemas = OpenApiDocument.requestSchemas(domains);
        assertEquals(domains.size(), schemas.size());
        for (DecisionDomain<?, ?> domain : domains) {
            RequestSchema schema = schemas.get(domain.id());
            assertEquals(SchemaNames.request(domain.id()), schema.name());
            Deque<String> toCheck = new ArrayDeque<>(List.of(schema.name()));
            Set<String> checked = new HashSet<>();
            while (!toCheck.isEmpty()) {
                String name = toCheck.pop();
                if (checked.add(name)) {
                    assertNotNull(published.get(name), name);
                    // compared as written: the document is read back from its text, the schema is as generated
                    assertEquals(published.get(name), Json.mapper().readTree(schema.definitions().get(name).toString()),
                            domain.id() + ": " + name);
                    published.get(name).findValuesAsText("$ref").forEach(ref ->
                            toCheck.push(ref.substring(ref.lastIndexOf('/') + 1)));
                }
            }
            assertTrue(checked.size() > 1, domain.id() + " refers to its records");
        }
    }

    @Test
    void fieldNamesReadAsLabels() {
        assertEquals("Purchase price", TryForm.label("purchasePrice"));
        assertEquals("Return rate 30d", TryForm.label("returnRate30d"));
        assertEquals("Contacts last 14 days", TryForm.label("contactsLast14Days"));
        assertEquals("Nps", TryForm.label("nps"));
    }
}
